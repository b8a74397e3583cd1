"""An application's whole story, in date order, from every area's ``timeline_entries``."""

from __future__ import annotations

import datetime

from nextround.feedback import timeline as feedback_timeline
from nextround.jobs import timeline as jobs_timeline
from nextround.jobs.models import Application
from nextround.jobs.timeline import TimelineEntry
from nextround.playbook import agenda as playbook_timeline

# Each area adds the moments it records; the page has one ordering rule, here.
CONTRIBUTORS = (
    jobs_timeline.timeline_entries,
    feedback_timeline.timeline_entries,
    playbook_timeline.timeline_entries,
)

_START_OF_TIME = datetime.datetime.min.replace(tzinfo=datetime.UTC)


def application_timeline(application: Application) -> list[TimelineEntry]:
    """Everything that happened to an application, oldest first; timed moments in time order."""
    entries = [entry for contribute in CONTRIBUTORS for entry in contribute(application)]
    entries.sort(key=lambda entry: (entry.on, entry.at or _START_OF_TIME))
    return entries
