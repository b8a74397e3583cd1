"""Reminder settings, the no-login unsubscribe link, and the calendar feed with alarms."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt

from nextround.playbook.feed import calendar_owner, calendar_response
from nextround.reminders.digest import settings_for, turn_off_digest, user_for_token
from nextround.reminders.forms import ReminderSettingsForm


def settings_context(user, form: ReminderSettingsForm | None = None) -> dict:
    """What ``reminders/_settings.html`` needs, for the Settings page to include."""
    return {
        "reminder_form": form or ReminderSettingsForm(instance=settings_for(user)),
        "email_enabled": settings.EMAIL_ENABLED,
    }


@login_required
def reminder_settings(request):
    """Save the reminder settings; the page shows the form alone, with any errors."""
    form = ReminderSettingsForm(request.POST or None, instance=settings_for(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Reminders saved.")
        return redirect("accounts:settings")
    return render(request, "reminders/settings.html", settings_context(request.user, form))


# Mail programs send the one-click unsubscribe (RFC 8058) as a POST with no
# cookie and no CSRF token; the signed token in the address is the proof.
@csrf_exempt
def unsubscribe(request, token: str):
    """Turn the digest off from the link in the email, without logging in."""
    person = user_for_token(token)
    done = False
    if person is not None and request.method == "POST":
        turn_off_digest(person)
        done = True
    status = 200 if person is not None else 404
    return render(
        request, "reminders/unsubscribe.html", {"person": person, "done": done}, status=status
    )


def calendar_feed(request, secret: str):
    """The calendar feed, its step alarms at the person's reminder time."""
    user = calendar_owner(secret)
    return calendar_response(request, user, alarm_time=settings_for(user).alarm_time)
