'use strict';
// A picker marked data-tags="true" (a credit's person) offers what was typed as a new
// record, last in the list, worded by the picker's data-new-label: "New person: Kim Nam-gil".
// Choosing it is the confirmation; the record is created when the form is saved.
// Set when the page's scripts have all run (this file may come before select2's), and before
// Django's autocomplete.js draws the pickers (on jQuery's ready, which comes later).
document.addEventListener('DOMContentLoaded', function () {
    const $ = window.django && window.django.jQuery;
    if (!$ || !$.fn.select2) {
        return;
    }
    $.fn.select2.defaults.set('createTag', function (params) {
        const term = $.trim(params.term);
        if (term === '') {
            return null;
        }
        const label = this.$element.attr('data-new-label') || 'New';
        return {id: 'new:' + term, text: label + ': ' + term, newTag: true};
    });
    // After the records found, never before them: Enter picks an existing one first.
    $.fn.select2.defaults.set('insertTag', function (data, tag) {
        data.push(tag);
    });
});
