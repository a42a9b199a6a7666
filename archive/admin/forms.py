"""The forms of every archive admin: every database constraint reaches the editor as a form
error, inline rows included, and relations are labelled from what the page already loaded.

- :class:`ArchiveForm` hands each preloading autocomplete widget the objects its relation
  holds (from the admin queryset's ``select_related`` or prefetch), so a film with 40 credits
  does not cost 40 queries, and checks the constraints that read an inline row's own foreign
  key, which Django 5.2 leaves to the database.
- :class:`ArchiveChangeForm` (a record's page) refuses a stale save, :class:`ArchiveRowForm`
  (an inline row) keeps the other editor's changes when saved anyway (``conflicts``).
- :class:`ArchiveInlineFormSet` words a duplicate row by the rule it breaks and catches two
  rows of one submission that break a conditional unique constraint.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, router
from django.db.models import Q, UniqueConstraint, Value
from django.forms.models import BaseInlineFormSet, InlineForeignKeyField

from .autocomplete import PreloadedAutocompleteMixin
from .conflicts import MergingRowFormMixin, StaleSaveFormMixin
from .history import RevertibleFormMixin
from .rows import SharedMediaFormMixin, SharedRowsFormSetMixin


def constraint_fields(constraint):
    """The names of the fields a constraint reads (its fields and its condition's)."""
    names = set(getattr(constraint, "fields", ()) or ())
    condition = getattr(constraint, "condition", None)
    if condition is not None:
        names |= Q(condition).referenced_base_fields
    return names


def field_values(instance):
    """The instance's column values as expressions, for ``Q.check()``."""
    values = {
        field.name: Value(getattr(instance, field.attname), field)
        for field in instance._meta.local_concrete_fields
    }
    values["pk"] = Value(instance.pk, instance._meta.pk)
    return values


class ArchiveForm(SharedMediaFormMixin, RevertibleFormMixin, forms.ModelForm):
    """The admin form of every archive record and inline row."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # RelatedFieldWidgetWrapper
            if isinstance(widget, PreloadedAutocompleteMixin):
                objects = self._selected_objects(name)
                if objects is not None:
                    widget.preload(objects)

    def _selected_objects(self, name):
        """The objects a relation holds, where the form has them, else None."""
        model_field = self.instance._meta.get_field(name)
        if model_field.many_to_many:
            # ModelForm's initial data (``model_to_dict``) holds a stored record's related
            # objects themselves: read once, from the admin queryset's prefetch if any.
            objects = self.initial.get(name)
            if isinstance(objects, list) and all(isinstance(o, models.Model) for o in objects):
                return objects
            return None
        if getattr(self.instance, model_field.attname) is None:
            return None
        # The related object: from the select_related of the admin queryset, or in the one
        # query the widget would have run to label it.
        return [getattr(self.instance, name)]

    def validate_unique(self):
        super().validate_unique()
        self._validate_inline_constraints()

    def _validate_inline_constraints(self):
        """Check the constraints that read an inline row's own foreign key.

        Django 5.2 leaves the inline's foreign key (``film`` on a credit in the film's page)
        out of constraint validation, so a duplicate credit would reach the database as an
        IntegrityError, a server error. Django 6.0 checks them itself (ticket #35676): an
        error already on the form is not added twice.
        """
        inline_keys = {
            name for name, field in self.fields.items() if isinstance(field, InlineForeignKeyField)
        }
        if not inline_keys:
            return
        # As ModelForm excludes from validation: the model fields the form does not edit
        # and those that already failed.
        exclude = {
            field.name
            for field in self.instance._meta.fields
            if field.name not in self.fields or field.name in self.errors
        }
        using = router.db_for_write(type(self.instance), instance=self.instance)
        reported = set(self.non_field_errors())
        for model, constraints in self.instance.get_constraints():
            for constraint in constraints:
                if inline_keys.isdisjoint(constraint_fields(constraint)):
                    continue  # checked by Django already
                try:
                    constraint.validate(model, self.instance, exclude=exclude, using=using)
                except ValidationError as error:
                    for item in getattr(error, "error_list", [error]):
                        if not reported.issuperset(item.messages):
                            reported.update(item.messages)
                            self.add_error(None, item)


class ArchiveChangeForm(StaleSaveFormMixin, ArchiveForm):
    """The change form of every archive record: refuses to overwrite another editor's save
    (``conflicts``)."""


class ArchiveRowForm(MergingRowFormMixin, ArchiveForm):
    """An inline row: saved anyway, it keeps the other editor's changes (``conflicts``)."""


class ArchiveInlineFormSet(SharedRowsFormSetMixin, BaseInlineFormSet):
    """Inline rows that know their parent, and name the rule a duplicate breaks."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # The row's label (a credit reads "Ryu Seung-ryong – Actor", an adaptation names both
        # films) may read the parent: hand it over rather than fetch it once per row.
        parent = self.instance
        form.parent_instance = parent
        if parent.pk is not None and getattr(form.instance, self.fk.attname) in (None, parent.pk):
            setattr(form.instance, self.fk.name, parent)

    def get_unique_error_message(self, unique_check):
        constraint = self._unique_constraint(unique_check)
        if constraint is not None:
            return constraint.get_violation_error_message()
        return super().get_unique_error_message(unique_check)

    def _unique_constraint(self, fields):
        for constraint in self.model._meta.constraints:
            if (
                isinstance(constraint, UniqueConstraint)
                and set(constraint.fields) == set(fields)
                and constraint.violation_error_message != constraint.default_violation_error_message
            ):
                return constraint
        return None

    def clean(self):
        super().clean()
        self._validate_conditional_unique()

    def _validate_conditional_unique(self):
        """Catch two rows of one submission that break a conditional unique constraint.

        Django's formset compares the rows only for unconditional constraints; each row's
        own check reads the database, where neither row is yet. Award has two conditional
        ones (with and without a person).
        """
        rows = [
            form
            for form in self.forms
            if form.is_valid() and form.cleaned_data and form not in self.deleted_forms
        ]
        errors = []
        for constraint in self.model._meta.constraints:
            if not isinstance(constraint, UniqueConstraint) or constraint.condition is None:
                continue
            seen = set()
            for form in rows:
                instance = form.instance
                key = tuple(
                    "parent"
                    if name == self.fk.name
                    else getattr(instance, self.model._meta.get_field(name).attname)
                    for name in constraint.fields
                )
                if None in key:
                    continue
                if not Q(constraint.condition).check(field_values(instance)):
                    continue
                if key in seen:
                    errors.append(constraint.get_violation_error_message())
                    form.add_error(None, self.get_form_error())
                seen.add(key)
        if errors:
            raise ValidationError(errors)
