'use strict';
// Every control of the admin has a name a screen reader can say. Django labels the fields of
// a table of rows (a film's credits) only by the column's heading, and select2's pickers
// name themselves by their current choice (none when empty). Each such control is named by
// its label or its column ("Person", "Sources"), once on load and for every row added.
(function () {
    let counter = 0;
    // The words this file says, in the editor's language: attributes of its script element
    // (templates/admin/base_site.html), as the page is translated on the server.
    const words = (document.currentScript && document.currentScript.dataset) || {};

    function columnName(element) {
        const cell = element.closest('td');
        const match = cell && /(?:^|\s)field-(\S+)/.exec(cell.className);
        const table = cell && cell.closest('table');
        const heading = match && table && table.querySelector('thead th.column-' + match[1]);
        return heading ? heading.textContent.trim() : '';
    }

    function labelName(element) {
        const label = element.id && document.querySelector('label[for="' + CSS.escape(element.id) + '"]');
        if (!label) {
            return '';
        }
        const image = label.querySelector('img[alt]');
        return (label.textContent.trim() || (image && image.alt) || '').replace(/:$/, '');
    }

    function nameOf(element) {
        if (element.closest('td.delete')) {
            return words.deleteRow || 'Delete this row';
        }
        return labelName(element) || columnName(element) || element.getAttribute('title') || '';
    }

    function hasTextLabel(element) {
        const label = element.id && document.querySelector('label[for="' + CSS.escape(element.id) + '"]');
        return Boolean(label && label.textContent.trim());
    }

    function nameControls(root) {
        root.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(function (element) {
            if (element.closest('.select2-container') || element.getAttribute('aria-label')) {
                return;
            }
            if (!hasTextLabel(element) || element.closest('td')) {
                const name = nameOf(element);
                if (name) {
                    element.setAttribute('aria-label', name);
                }
            }
        });
        root.querySelectorAll('select.admin-autocomplete').forEach(function (select) {
            const container = select.nextElementSibling;
            if (!container || !container.classList.contains('select2')) {
                return;
            }
            const name = nameOf(select) || select.getAttribute('aria-label');
            if (!name) {
                return;
            }
            let hidden = container.querySelector('.archive-picker-name');
            if (!hidden) {
                hidden = document.createElement('span');
                hidden.className = 'archive-picker-name visually-hidden';
                hidden.id = 'archive-picker-name-' + (counter += 1);
                hidden.textContent = name;
                container.appendChild(hidden);
            }
            container.querySelectorAll('[role=combobox]').forEach(function (box) {
                const rendered = box.querySelector('.select2-selection__rendered[id]');
                box.setAttribute('aria-labelledby', hidden.id + (rendered ? ' ' + rendered.id : ''));
            });
            container.querySelectorAll('.select2-search__field, [role=textbox]').forEach(function (field) {
                field.setAttribute('aria-label', name);
            });
            // select2 puts its "clear" button inside the list of choices.
            container.querySelectorAll('ul.select2-selection__rendered').forEach(function (list) {
                list.setAttribute('role', 'none');
            });
        });
    }

    // After Django's autocomplete.js has drawn the pickers (jQuery's ready, which may come
    // after the load event).
    window.addEventListener('load', function () {
        window.setTimeout(function () {
            nameControls(document);
        }, 0);
    });
    document.addEventListener('formset:added', function (event) {
        window.setTimeout(function () {
            nameControls(event.target);
        }, 0);
    });
    // select2 redraws a picker's search field when its choices change.
    document.addEventListener('change', function (event) {
        const row = event.target.closest && event.target.closest('td, .form-row');
        if (row) {
            window.setTimeout(function () {
                nameControls(row);
            }, 0);
        }
    });
})();
