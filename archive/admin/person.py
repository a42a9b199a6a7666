"""People and their credits."""

from django.contrib import admin
from django.db.models import Exists, F, OuterRef
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ..models import Person, Role
from ..text import fold
from .autocomplete import NewRecordAutocompleteSelect, NewRecordChoiceField
from .award import PersonAwardInline
from .base import RECORD_FIELDSET, ArchiveAdmin, TabularInline, film_label
from .citations import SourcingAdminMixin, UnsourcedFactsFilter
from .forms import ArchiveRowForm
from .image import PersonImageInline


def free_slug(name):
    """A slug for a new person called ``name`` that no one has yet: ``kim-min-ki``, else
    ``kim-min-ki-2``, ... (namesakes are common)."""
    base = slugify(fold(name))[:190] or "person"
    taken = set(Person.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


class CreditRowForm(ArchiveRowForm):
    """A credit on the film's page, whose person may be new: typed into the picker and
    chosen as "New person: ...", created with the credit."""

    def _get_validation_exclusions(self):
        # ModelForm's private hook (pinned in test_documented_names.py): a person typed as
        # new has no id before the row is saved, and the model's check of the foreign key
        # would refuse that; the form field has validated it already.
        exclude = super()._get_validation_exclusions()
        person = self.cleaned_data.get("person")
        if person is not None and person.pk is None:
            exclude.add("person")
        return exclude

    def save(self, commit=True):
        person = self.cleaned_data.get("person")
        if commit and person is not None and person.pk is None:
            person.slug = free_slug(person.name)
            # simple-history's documented attribute: why the person's first version exists.
            person._change_reason = gettext("Added from a credit on %(film)s") % {
                "film": self.instance.film
            }
            person.save()
            self.instance.person = person
        return super().save(commit)


class FilmRoleInline(TabularInline):
    """A film's credits, on the film's page. A person not in the archive yet is typed into
    the row's picker and created with the credit (no pop-up window)."""

    model = Role
    form = CreditRowForm
    fk_name = "film"
    fields = ("person", "kind", "character", "character_original", "note", "billing", "sources")
    autocomplete_fields = ("person", "sources")
    ordering = ("kind", F("billing").asc(nulls_last=True), "person__name", "pk")
    queryset_select_related = ("person",)
    queryset_prefetch_related = ("sources",)

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is None else 0  # a new film: its first credit row is ready

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "person":
            kwargs["widget"] = NewRecordAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
            kwargs["form_class"] = NewRecordChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PersonRoleInline(TabularInline):
    """A person's credits, on the person's page."""

    model = Role
    fk_name = "person"
    fields = ("film", "kind", "character", "note", "billing", "sources")
    autocomplete_fields = ("film", "sources")
    ordering = (F("film__year").desc(nulls_first=True), "film__title", "kind", "pk")
    queryset_select_related = ("film",)
    queryset_prefetch_related = ("sources",)


#: A person with more credits than this gets them as a list of links on their page instead of
#: editable rows: 500 rows of widgets take seconds to build, and a form that big would pass
#: the limit on posted fields (DATA_UPLOAD_MAX_NUMBER_FIELDS).
EDITABLE_CREDITS_MAX = 100


class CreditKindFilter(admin.SimpleListFilter):
    """People credited as actor, director, ...: an EXISTS on the (person, kind) index."""

    title = _("credited as")
    parameter_name = "credited_as"

    def lookups(self, request, model_admin):
        return Role.Kind.choices

    def queryset(self, request, queryset):
        if self.value() in Role.Kind.values:
            roles = Role.objects.filter(person=OuterRef("pk"), kind=self.value())
            return queryset.filter(Exists(roles))
        return queryset


@admin.register(Person)
class PersonAdmin(SourcingAdminMixin, ArchiveAdmin):
    autocomplete_rank_field = "names_folded"
    fold_rank_term = True
    history_list_display = ["version"]
    list_display = ("display_name", "name_original", "unsourced_column", "updated_at")
    list_filter = (CreditKindFilter, UnsourcedFactsFilter)
    search_fields = ("names_folded",)  # shows the search box; get_search_results searches
    search_help_text = _("Any of the person's names, in any script (류승룡 finds Ryu Seung-ryong).")
    ordering = ("slug",)  # the unique index; Person has no index on name
    sortable_by = ("display_name", "updated_at")
    show_full_result_count = False
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("sources",)
    readonly_fields = ("created_at", "updated_at", "version", "sourcing_note")
    fieldsets = (
        (None, {"fields": ("name", "slug", "name_original", "other_names")}),
        (
            _("Life"),
            {
                "fields": (("birth_date", "death_date"), "place_of_birth", "biography"),
                "description": _(
                    "Dates may be partial: a year alone (1970) or a year and month "
                    "(1970-03). The sources below back these facts."
                ),
            },
        ),
        (_("Sources"), {"fields": ("sourcing_note", "sources")}),
        RECORD_FIELDSET,
    )
    inlines = (PersonRoleInline, PersonAwardInline, PersonImageInline)

    def has_many_credits(self, obj):
        if obj is None:
            return False
        if not hasattr(obj, "credits_counted"):
            obj.credits_counted = obj.roles.count()
        return obj.credits_counted > EDITABLE_CREDITS_MAX

    def get_inlines(self, request, obj):
        if self.has_many_credits(obj):
            return tuple(inline for inline in self.inlines if inline is not PersonRoleInline)
        return self.inlines

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.has_many_credits(obj):
            fieldsets = (*fieldsets, (_("Credits"), {"fields": ("credit_list",)}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "credit_list")

    @admin.display(description=_("credits"))
    def credit_list(self, person):
        """A busy person's credits as links: each opens its own form."""
        roles = person.roles.select_related("film").order_by(
            F("film__year").desc(nulls_first=True), "film__title", "kind", "pk"
        )
        add_url = reverse("admin:archive_role_add") + f"?person={person.pk}"
        # Worded once for all the rows (a busy person has hundreds).
        playing = gettext("as %(character)s")
        rows = format_html_join(
            "",
            '<li><a href="{}">{}</a>: {}{}</li>',
            (
                (
                    reverse("admin:archive_role_change", args=[role.pk]),
                    film_label(role.film),
                    role.get_kind_display(),
                    " " + playing % {"character": role.character} if role.character else "",
                )
                for role in roles
            ),
        )
        count = person.credits_counted
        head = ngettext(
            "%(count)s credit: too many to edit on this page, so each opens its own form.",
            "%(count)s credits: too many to edit on this page, so each opens its own form.",
            count,
        ) % {"count": count}
        return format_html(
            '<p>{} <a href="{}">{}</a>.</p><ol class="credit-list">{}</ol>',
            head,
            add_url,
            gettext("Add a credit"),
            rows,
        )

    @admin.display(description=_("name"), ordering="slug")
    def display_name(self, person):
        return person.name

    def get_search_results(self, request, queryset, search_term):
        """Search every name in every script through the folded names column."""
        return queryset.search(search_term), False


@admin.register(Role)
class RoleAdmin(ArchiveAdmin):
    list_display = ("person", "kind", "character", "note", "billing", "film_column")
    list_select_related = ("person", "film")
    list_filter = ("kind",)
    search_fields = (
        "person__names_folded__contains",
        "character_folded__contains",
        "film__title_folded__contains",
    )
    search_help_text = _("A person's name, a character or a film title.")
    fold_search_term = True
    ordering = ("-pk",)
    sortable_by = ()
    show_full_result_count = False
    autocomplete_fields = ("film", "person", "sources")
    fields = (
        "film",
        "person",
        "kind",
        "character",
        "character_original",
        "note",
        "billing",
        "sources",
    )

    @admin.display(description=_("film"))
    def film_column(self, role):
        return film_label(role.film)
