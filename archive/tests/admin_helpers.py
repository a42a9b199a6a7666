"""Reading and posting admin pages as a browser does: the helpers the admin, history,
locking and concurrency tests share."""

from django.forms import CheckboxInput
from django.urls import reverse


def admin_url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def change_url(obj):
    return admin_url(type(obj), "change", obj.pk)


def page_data(response):
    """The POST data a browser sends for the admin form in ``response``, left as it is."""
    data = {}

    def add(form):
        for field in form:
            value = field.value()
            if isinstance(field.field.widget, CheckboxInput):
                if value:
                    data[field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[field.html_name] = [str(item) for item in value]
            elif value is not None:
                data[field.html_name] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def form_data(response):
    """The POST data of a page with one form and no inline rows (a version to revert to)."""
    form = response.context["adminform"].form
    data = {}
    for field in form:
        value = field.value()
        if isinstance(value, list | tuple):
            data[field.html_name] = [str(item) for item in value]
        elif value is not None:
            data[field.html_name] = str(value)
    return data


def form_errors(response):
    """Every error on an admin page, to explain a failed assertion."""
    if response.context is None or "adminform" not in response.context:
        return response
    errors = [response.context["adminform"].form.errors]
    for inline in response.context["inline_admin_formsets"]:
        errors += [inline.formset.non_form_errors(), *inline.formset.errors]
    return [error for error in errors if error]


def film_page_data(client, film):
    """The POST data of a film's admin page, left as it is."""
    return page_data(client.get(change_url(film)))


def add_row(data, prefix, **fields):
    """Append one inline row to ``data``, as the "Add another" link does."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    for name, value in fields.items():
        data[f"{prefix}-{index}-{name}"] = value if isinstance(value, list) else str(value)
    return data
