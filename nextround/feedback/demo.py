"""The demo's feedback chapter: what the panels said, who got the jobs, and what Sam did next."""

from __future__ import annotations

from nextround.core.demo import Story
from nextround.feedback.models import (
    Feedback,
    ImprovementAction,
    ImprovementKind,
    ImprovementStatus,
    Skill,
    SuccessfulCandidate,
)
from nextround.feedback.recording import save_feedback, save_successful_candidate
from nextround.feedback.tagging import GapInput


def add_demo_chapter(story: Story) -> None:
    """What the panels said after each no, who got two of the jobs, and the steps Sam took."""
    apps, people = story.applications, story.contacts
    said = [
        (
            "volunteer_first",
            "coordinator",
            -394,
            -390,
            "Thank you for coming to see us. You were warm with visitors in the role play, but "
            "the other candidates had more front of house experience, and your answer about a "
            "difficult visitor needed a specific example.",
            ["Front of house and visitor services", "Using specific examples (STAR)"],
        ),
        (
            "traineeship_first",
            "archivist",
            -288,
            -284,
            "A strong application. The panel felt you needed more knowledge of records "
            "management (retention schedules came up) and more hands-on cataloguing. Your "
            "answers were sometimes rambling; keep them concise.",
            [
                "Records management",
                "Archive cataloguing and arrangement",
                "Concise answers",
            ],
        ),
        (
            "gallery_learning",
            None,
            -74,
            None,
            "",
            [],
        ),
    ]
    made = {}
    for key, giver, asked, received, text, gaps in said:
        made[key] = save_feedback(
            Feedback(
                owner=story.user,
                application=apps[key],
                asked_on=story.day(asked),
                received_on=story.day(received) if received is not None else None,
                given_by=people[giver] if giver else None,
                text=text,
            ),
            [GapInput(name) for name in gaps],
        )
    winners = [
        (
            "traineeship_first",
            -230,
            "Had volunteered two days a week cataloguing at a county record office and was "
            "working towards the archives qualification.",
            False,
            "",
            [
                "Archive cataloguing and arrangement",
                "Archives and records management qualification",
            ],
        ),
        (
            "gallery_learning",
            -20,
            "Five years running family learning sessions; speaks confidently to school groups.",
            True,
            "The post was filled by the gallery's own learning freelancer, who had been doing "
            "the sessions for two years before it was advertised.",
            ["Learning and engagement"],
        ),
    ]
    for key, found, notes, inside, evidence, gaps in winners:
        save_successful_candidate(
            SuccessfulCandidate(
                owner=story.user,
                application=apps[key],
                profile_url="https://linkedin.example.org/in/made-up-candidate",
                found_on=story.day(found),
                notes=notes,
                inside_appointment=inside,
                evidence=evidence,
            ),
            [GapInput(name) for name in gaps],
        )
    skills = {skill.name: skill for skill in Skill.objects.filter(owner=story.user)}
    steps = [
        (
            "Archive cataloguing and arrangement",
            ImprovementKind.VOLUNTEERING,
            "Catalogue the parish collection at the record office, Tuesdays",
            ImprovementStatus.DONE,
            -200,
        ),
        (
            "Records management",
            ImprovementKind.COURSE,
            "Online short course: introduction to records management",
            ImprovementStatus.DONE,
            -170,
        ),
        (
            "Concise answers",
            ImprovementKind.PROJECT,
            "Practise five STAR answers aloud, two minutes each",
            ImprovementStatus.DOING,
            10,
        ),
        (
            "Archives and records management qualification",
            ImprovementKind.QUALIFICATION,
            "Find out about part-time archives courses and funding",
            ImprovementStatus.PLANNED,
            45,
        ),
        (
            "Front of house and visitor services",
            ImprovementKind.VOLUNTEERING,
            "Weekend shifts on the historic ship",
            ImprovementStatus.DONE,
            -240,
        ),
    ]
    for skill, kind, title, status, target in steps:
        action = ImprovementAction(
            owner=story.user,
            skill=skills[skill],
            kind=kind,
            title=title,
            status=status,
            target_on=story.day(target),
        )
        if status == ImprovementStatus.DONE:
            action.done_on = story.day(target)
        action.save()
    story.extra["feedback"] = made
