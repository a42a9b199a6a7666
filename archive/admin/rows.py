"""The rows of a record's page (a film's 50 credits, its titles, figures, awards, ...).

A film's page has about a hundred rows and a thousand widgets in them, so what every row
does alike is done once per page:

- a part has one form of a row to add and one media for all its rows
  (:class:`SharedRowsFormSetMixin`), not one per time the admin asks;
- a part's rows are drawn by Jinja2 (:func:`draw_inline`, from the template tag
  ``{% inline_rows %}`` in the templates that ``TabularInline.template`` and
  ``StackedInline.template`` name), with the markup of Django's
  ``admin/edit_inline/tabular.html`` and ``stacked.html``: Django's template language spent
  more on the rows' loops than on the widgets in them;
- a row's pickers are drawn in Python around the select the form renderer draws
  (``archive/renderers.py``), their addresses and wording worked out once for all rows
  (:class:`SameForEveryRowMixin`);
- a row's choices (a credit's kind) are listed once per chosen value (:class:`RowSelect`),
  and a row's choice fields share their field's choices, or queryset, instead of copying
  them for every row (:class:`SharedChoicesMixin`).
"""

from django import forms
from django.contrib.admin.helpers import AdminReadonlyField
from django.contrib.admin.templatetags.admin_modify import cell_count
from django.contrib.admin.utils import quote
from django.contrib.admin.views.main import IS_POPUP_VAR, TO_FIELD_VAR
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.forms.widgets import ChoiceWidget
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from ..renderers import text

# Forms and formsets -----------------------------------------------------------------------


class SharedRowsFormSetMixin:
    """A part's rows (``ArchiveInlineFormSet``): one form of a row to add, and one media for
    all the rows."""

    @cached_property
    def media_of_every_row(self):
        return {}

    @cached_property
    def empty_form(self):
        """The form of a row to add, built once: the admin reads it for the columns'
        headings, its media and its rows (Django's property builds a new one each time)."""
        return super().empty_form

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # Every row has the same widgets, so the same media (as Django's formset says of its
        # forms); the admin asks each row's form for it, a few hundred widgets' worth.
        form.media_of_every_row = self.media_of_every_row


class SharedMediaFormMixin:
    """A form (``ArchiveForm``) whose media, in a part's rows, is worked out by the first row
    (:class:`SharedRowsFormSetMixin`) for all of them."""

    @property
    def media(self):
        shared = getattr(self, "media_of_every_row", None)
        if shared is None:
            return super().media
        if "media" not in shared:
            shared["media"] = super().media
        return shared["media"]


# Widgets and fields -----------------------------------------------------------------------


class SameForEveryRowMixin:
    """A widget's values that every row gives alike, worked out once per page.

    A formset's forms copy their fields and widgets from the form class's (a film's page has
    50 credit rows, each with its pickers); a widget's copy is shallow, so the dict made here,
    when the admin makes the field for the page, is the one every row's copy reads.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.same_for_every_row = {}

    def for_every_row(self, key, compute):
        try:
            return self.same_for_every_row[key]
        except KeyError:
            value = self.same_for_every_row[key] = compute()
            return value


class RowSelect(SameForEveryRowMixin, forms.Select):
    """A row's choices (a credit's kind, a title's kind): the options are the same in every
    row but for the one chosen, so they are listed once per chosen value (a ``Select``'s
    options take nothing else from the row: they do not inherit its attributes), and the
    rows' copies share the list of choices."""

    def optgroups(self, name, value, attrs=None):
        return self.for_every_row(("optgroups", *value), lambda: self.plain_optgroups(name, value))

    def plain_optgroups(self, name, value):
        """Django's option groups with their labels as words: a choice's label is a lazy
        translation, and each row would translate it again when it is drawn."""
        groups = super().optgroups(name, value)
        for _group, options, _index in groups:
            for option in options:
                option["label"] = str(option["label"])
        return [(None if group is None else str(group), *rest) for group, *rest in groups]

    def __deepcopy__(self, memo):
        # Widget's copy (its attributes copied), not ChoiceWidget's (the choices too).
        return super(ChoiceWidget, self).__deepcopy__(memo)


class SharedChoicesMixin:
    """A row's choice field (a credit's kind, person or sources) whose copies, one per row,
    share its choices: Django's ``ChoiceField`` copies its list of choices for every copy,
    and ``ModelChoiceField`` clones its queryset twice, so that a form made once and used by
    many requests lists fresh choices each time. These fields are made for one page, the
    choices of a row do not change, and the autocomplete widgets never list the queryset
    (they filter it for what is chosen)."""

    def __deepcopy__(self, memo):
        # Field's copy: the field, its widget, its messages and validators.
        return super(forms.ChoiceField, self).__deepcopy__(memo)


class RowChoiceField(SharedChoicesMixin, forms.TypedChoiceField):
    pass


class RowModelChoiceField(SharedChoicesMixin, forms.ModelChoiceField):
    pass


class RowModelMultipleChoiceField(SharedChoicesMixin, forms.ModelMultipleChoiceField):
    pass


# A row's pickers are drawn here, in Python, around the select the form renderer draws: a
# film's page has a few hundred of them, and a template each (with its context) cost more
# than the select inside.


class CompactPickerMixin:
    """A many-to-many picker in a row (a credit's sources): a count, "2 sources", that opens
    the picker, instead of a large box on every row."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = [item for item in value or () if item not in (None, "")]
        count = len(chosen)
        summary = self.for_every_row(("summary", count), lambda: self.summary(count))
        select = super().render(name, value, attrs, renderer)
        return mark_safe(
            f'<details class="archive-compact-picker"><summary>{summary}'
            f"</summary>{select}</details>"
        )

    def summary(self, count):
        """ "2 sources", in the page's language and escaped: worked out once per page for
        each count the rows have."""
        opts = self.field.related_model._meta
        # Translators: a count of related records, "2 sources"; %(one)s is the record's
        # name in the singular, %(many)s in the plural: use the one your language puts
        # after a number.
        pattern = ngettext("%(count)s %(one)s", "%(count)s %(many)s", count)
        return text(
            pattern % {"count": count, "one": opts.verbose_name, "many": opts.verbose_name_plural}
        )


class RowRelatedWidgetWrapper(SameForEveryRowMixin, RelatedFieldWidgetWrapper):
    """A related record's widget in a row, with the admin's "add" link only: editing or
    deleting the chosen record from every row made the rows too wide (its own page does
    that). The markup is the one Django's admin scripts look for
    (``RelatedObjectLookups.js``: the wrapper's ``data-model-ref``, the link's
    ``add-related`` class, its ``add_id_`` id and popup); what the link says is worked out
    once for all the rows."""

    def render(self, name, value, attrs=None, renderer=None):
        start, link = self.for_every_row("markup", self.markup)
        widget = self.widget.render(name, value, attrs, renderer)
        add = f"{link[0]}{text(name)}{link[1]}" if link else ""
        return mark_safe(f"{start}\n{widget}\n{add}\n</div>")

    def markup(self):
        """The wrapper's start tag, and its add link around the row's field name (none where
        the editor may not add a record): Django's wrapper's values."""
        opts = self.rel.model._meta
        start = '<div class="related-widget-wrapper"'
        if not self.rel.limit_choices_to:
            start += f' data-model-ref="{text(opts.model_name)}"'
        start += ">"
        if not self.can_add_related or self.is_hidden:
            return start, ""
        url = self.get_related_url((opts.app_label, opts.model_name), "add")
        params = f"{TO_FIELD_VAR}={self.rel.get_related_field().name}&{IS_POPUP_VAR}=1"
        # The admin's own wording, translated as its template translates it.
        title = gettext("Add another %(model)s") % {"model": opts.verbose_name}
        icon = static("admin/img/icon-addlink.svg")
        return start, (
            '<a class="related-widget-wrapper-link add-related" id="add_id_',
            f'" data-popup="yes" href="{text(url)}?{text(params)}" title="{text(title)}">'
            f'<img src="{text(icon)}" alt="" width="24" height="24"></a>',
        )


# The rows of a part of the page ---------------------------------------------------------------


def draw_inline(inline_admin_formset, template_name, last=False):
    """A part of a record's page (a film's 50 credits) as Django's ``tabular.html`` or
    ``stacked.html`` draws it, drawn by the form renderer's Jinja2 from ``template_name``
    (``archive/jinja2/archive/admin/``), for ``{% inline_rows %}``
    (``templates/admin/archive/edit_inline/``)."""
    inline = inline_admin_formset.opts
    context = {
        "inline_admin_formset": inline_admin_formset,
        "last": last,
        "help_icon": static("admin/img/icon-unknown.svg"),
        "words": {
            "delete": gettext("Delete?"),
            "change": gettext("Change"),
            "view": gettext("View"),
            "view_on_site": gettext("View on site"),
        },
        "capfirst": capfirst,
        "striptags": strip_tags,
        "cell_count": cell_count,
        "change_link": lambda admin_form: change_link(inline, admin_form.original),
        "columns": columns(inline_admin_formset),
        "readonly_field": lambda admin_form, name: AdminReadonlyField(
            admin_form.form, name, is_first=False, model_admin=inline
        ),
    }
    renderer = inline_admin_formset.formset.renderer
    return mark_safe(renderer.render(template_name, context))


def columns(inline_admin_formset):
    """The names of a row's fields, in the order of Django's ``InlineFieldset`` and
    ``Fieldline`` (without the parent's foreign key): the table's columns, read once for
    all the rows instead of through the admin's per-row fieldset, line and field objects."""
    fk = getattr(inline_admin_formset.formset, "fk", None)
    names = []
    for _, options in inline_admin_formset.fieldsets:
        for line in options["fields"]:
            if fk is not None and line == fk.name:
                continue
            several = hasattr(line, "__iter__") and not isinstance(line, str)
            names.extend(line if several else [line])
    return names


def change_link(inline, original):
    """The address of a row's own page, where the inline links to it (``show_change_link``)."""
    if original is None or not (inline.show_change_link and inline.has_registered_model):
        return ""
    opts = inline.opts
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_change",
        args=[quote(original.pk)],
        current_app=inline.admin_site.name,
    )
