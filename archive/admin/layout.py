"""How a record's page reads: Save at the top and the bottom, "Save" back to the record,
and rows compact enough that every change form fits a 1,366 px window (with
``static/archive/admin.css``)."""

from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import quote
from django.http import HttpResponseRedirect
from django.urls import reverse


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
