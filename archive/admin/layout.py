"""How a record's page reads: Save at the top and the bottom, "Save" back to the record,
and rows compact enough that every change form fits a 1,366 px window (with
``static/archive/admin.css``)."""

from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import quote
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext


class RecordPageMixin:
    """The change form of every archive admin."""

    save_on_top = True  # a film's page is long

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The record's page takes the whole width: its rows need it more than the list of
        # models, which the breadcrumbs and the index still give.
        extra_context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        if obj is None:
            # A new record's parts start open: the editor fills them in, so one click each
            # less. A stored record's parts open on demand.
            for inline_formset in inline_formsets:
                inline_formset.classes = " ".join(
                    name for name in inline_formset.classes.split() if name != "collapse"
                )
        return inline_formsets

    def response_post_save_add(self, request, obj):
        """ "Save" returns to the record saved, with Django's message, not to the list."""
        return HttpResponseRedirect(self._record_url(request, obj))

    def response_post_save_change(self, request, obj):
        return HttpResponseRedirect(self._record_url(request, obj))

    def _record_url(self, request, obj):
        opts = self.opts
        url = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change",
            args=[quote(obj.pk)],
            current_app=self.admin_site.name,
        )
        context = {"preserved_filters": self.get_preserved_filters(request), "opts": opts}
        return add_preserved_filters(context, url)


class CompactPickerMixin:
    """A many-to-many picker in a row (a credit's sources): a count, "2 sources", that opens
    the picker, instead of a large box on every row."""

    template_name = "archive/widgets/compact_picker.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        opts = self.field.related_model._meta
        chosen = [item for item in value or () if item not in (None, "")]
        context["widget"].update(
            count=len(chosen), noun=opts.verbose_name, noun_plural=opts.verbose_name_plural
        )
        return context


class RowRelatedWidgetWrapper(RelatedFieldWidgetWrapper):
    """A related record's widget in a row, with the admin's "add" link only: editing or
    deleting the chosen record from every row made the rows too wide (its own page does
    that). Drawn by Jinja2 (``archive/jinja2/archive/widgets/row_related_widget.html``), as
    the widget inside it: a film's page has a few hundred of them. The markup is the one
    Django's admin scripts look for (``RelatedObjectLookups.js``: the wrapper's
    ``data-model-ref``, the link's ``add-related`` class, its ``add_id_`` id and popup)."""

    template_name = "archive/widgets/row_related_widget.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # The admin's own wording, translated as its template translates it.
        context["add_title"] = gettext("Add another %(model)s") % {"model": context["model"]}
        context["add_icon"] = static("admin/img/icon-addlink.svg")
        return context
