"""Pictures on the film's and the person's page: an inline with a preview; and every
picture in one list (``ImageAdmin``), found by its alt text, credit or file.

``FilmImageInline`` and ``PersonImageInline`` are self-contained: the film and person admins
list them in ``inlines``. The file goes through ``archive.images.clean_image`` when the form
is cleaned, so a refusal (not an image, wrong type, too large, too many pixels, truncated)
is a message on the file field; the cleaned file and its resized copies are written to
storage when the row is saved.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..images import clean_image, record_fields, store_image
from ..models import Image
from ..models.image import FILM_KINDS, PERSON_KINDS
from .base import ArchiveAdmin, StackedInline
from .conflicts import StaleSaveFormMixin
from .forms import ArchiveForm, ArchiveInlineFormSet

ACCEPT = "image/jpeg,image/png,image/webp,image/gif"
PREVIEW_WIDTH = 160


def form_field(field, **kwargs):
    """As the admin's ``formfield_overrides``: an address typed without a scheme is https."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class ImageForm(ArchiveForm):
    upload = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        help_text=_(
            "JPEG, PNG, WebP or GIF, at most 20 MB and 50 megapixels. Camera data, "
            "place and comments are removed; the picture is turned upright."
        ),
    )

    class Meta:
        model = Image
        formfield_callback = form_field
        fields = (
            "kind",
            "is_main",
            "alt",
            "caption",
            "credit",
            "licence",
            "source_url",
            "source",
            "position",
        )

    cleaned_image = None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            if not self.instance.file:
                raise ValidationError(_("Choose an image file."), code="required")
            return None
        clean = clean_image(upload)
        others = Image.objects.filter(file=clean.name).exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(
                _(
                    "This picture is already in the archive (the same file, on another record "
                    "or row)."
                ),
                code="duplicate",
            )
        self.cleaned_image = clean
        for name, value in record_fields(clean).items():
            setattr(self.instance, name, value)
        return upload

    def save(self, commit=True):
        if self.cleaned_image is not None:
            store_image(self.cleaned_image)
        return super().save(commit=commit)


class ImageFormSet(ArchiveInlineFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            clean = getattr(form, "cleaned_image", None)
            if clean is None or form in self.deleted_forms:
                continue
            if clean.name in seen:
                form.add_error("upload", gettext("The same file is chosen twice on this page."))
            seen.add(clean.name)


def preview_tag(image):
    """The smallest JPEG copy of ``image`` as an ``<img>``, at most PREVIEW_WIDTH wide."""
    copies = [c for c in image.renditions if c["type"] == "image/jpeg"] if image else []
    if not copies:
        return gettext("No file yet")
    smallest = min(copies, key=lambda c: c["width"])
    width = min(PREVIEW_WIDTH, smallest["width"])
    height = max(1, round(smallest["height"] * width / smallest["width"]))
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}">',
        default_storage.url(smallest["name"]),
        width,
        height,
        image.alt,
    )


class ImageInline(StackedInline):
    model = Image
    form = ImageForm
    formset = ImageFormSet
    kinds = FILM_KINDS + PERSON_KINDS
    default_kind = Image.Kind.POSTER
    verbose_name = _("picture")
    verbose_name_plural = _("pictures (posters, stills, portraits)")
    fields = (
        ("preview", "upload"),
        ("kind", "is_main", "position"),
        "alt",
        "caption",
        ("credit", "licence"),
        ("source_url", "source"),
    )
    readonly_fields = ("preview",)
    autocomplete_fields = ("source",)
    ordering = ("-is_main", "position", "pk")
    queryset_select_related = ("source",)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            kwargs["choices"] = [
                (value, label) for value, label in Image.Kind.choices if value in self.kinds
            ]
            kwargs["initial"] = self.default_kind
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    @admin.display(description=_("preview"))
    def preview(self, image):
        return preview_tag(image)


class FilmImageInline(ImageInline):
    kinds = FILM_KINDS
    default_kind = Image.Kind.POSTER


class PersonImageInline(ImageInline):
    kinds = PERSON_KINDS
    default_kind = Image.Kind.PORTRAIT


class ImageChangeForm(StaleSaveFormMixin, ImageForm):
    """An image's own page: the upload's checks, and no save over another editor's."""


@admin.register(Image)
class ImageAdmin(ArchiveAdmin):
    """Every picture: the film's and person's pages add them; here they are found."""

    form = ImageChangeForm
    list_display = ("thumbnail", "alt", "kind", "film", "person", "is_main", "updated_at")
    list_display_links = ("thumbnail", "alt")
    list_select_related = ("film", "person")
    list_filter = ("kind", "is_main")
    search_fields = ("alt", "credit", "file")
    ordering = ("-updated_at", "-pk")
    sortable_by = ("updated_at",)
    show_full_result_count = False
    autocomplete_fields = ("film", "person", "source")
    readonly_fields = ("preview", "width", "height", "checksum", "created_at", "updated_at")
    fields = (
        ("preview", "upload"),
        ("film", "person"),
        ("kind", "is_main", "position"),
        "alt",
        "caption",
        ("credit", "licence"),
        ("source_url", "source"),
        ("width", "height", "checksum"),
        ("created_at", "updated_at"),
    )

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["fields"] = (*ImageForm.Meta.fields, "film", "person")
        return super().get_form(request, obj, change, **kwargs)

    @admin.display(description=_("picture"))
    def thumbnail(self, image):
        return preview_tag(image)

    @admin.display(description=_("preview"))
    def preview(self, image):
        return preview_tag(image)
