"""Signing out of the admin by a plain link as well as by its button.

Django's ``LogoutView`` signs out on POST only (a link that signs out could be followed by
any other site), so ``GET /admin/logout/`` — a bookmark, a typed address, an old link —
answered 405. This view takes the admin's address for signing out (``config/urls.py`` puts
it before the admin's own URLs): on GET it asks, with a button that posts back here; on
POST it signs out as Django's view does and goes on to ``next`` when that is an address of
this site, else to the home page (never back to this address, which would ask again).
"""

from django.contrib.auth.views import LogoutView
from django.shortcuts import redirect
from django.template.response import TemplateResponse


class SignOutView(LogoutView):
    http_method_names = ["get", "post", "options"]
    next_page = "archive:home"
    confirm_template_name = "registration/sign_out.html"

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(self.get_success_url())
        return TemplateResponse(
            request,
            self.confirm_template_name,
            {"next": self.get_redirect_url(), "redirect_field_name": self.redirect_field_name},
        )
