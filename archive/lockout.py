"""Sign-in lockout by user name and address together, with a wider limit per address.

django-axes counts failures per set of ``AXES_LOCKOUT_PARAMETERS`` against one limit. With
``[["username", "ip_address"]]`` a user name is locked at one address only, so nobody can
lock an editor out everywhere by failing with their name from elsewhere. That alone would
let one address try ``AXES_FAILURE_LIMIT`` passwords for each of any number of names, and
axes has no second limit: this handler (``AXES_HANDLER``) adds one, refusing an address
after ``ADDRESS_LIMIT_FACTOR`` times the limit of failures for any names within the
cool-off. It is the documented way to change how axes decides (a subclass of its database
handler, overriding ``is_locked``); the counting and recording stay axes' own.
"""

from axes.attempts import get_cool_off_threshold
from axes.conf import settings
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.db.models import Sum

#: An address may fail this many times the per-name limit, over all names, before it is
#: refused: enough for a few editors behind one office address to mistype their passwords.
ADDRESS_LIMIT_FACTOR = 4


def address_failure_limit(request, credentials=None):
    return ADDRESS_LIMIT_FACTOR * get_failure_limit(request, credentials)


class NameAndAddressHandler(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None):
        """Refuses the sign-in before the password is checked."""
        return super().is_locked(request, credentials) or self.is_address_locked(
            request, credentials
        )

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        """Answers the failure that reaches the address's limit, and each one after it, with
        the lockout page: axes itself decides that from the per-name count only."""
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and self.is_address_locked(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials

    def is_address_locked(self, request, credentials=None):
        if not settings.AXES_LOCK_OUT_AT_FAILURE:
            return False
        return self.address_failures(request) >= address_failure_limit(request, credentials)

    def address_failures(self, request):
        """Failures from the request's address for any user name, within the cool-off."""
        attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        total = attempts.aggregate(failures=Sum("failures_since_start"))["failures"]
        return total or 0
