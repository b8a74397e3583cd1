"""Feedback, skills, who got the job, improvement actions and the ranked gaps, over JSON."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.db.models.functions import Lower
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from nextround.api.errors import owned_or_invalid, validate_and_save
from nextround.api.fields import Date, Payload, RecordId, apply_changes
from nextround.api.lists import MAX_ITEMS, BuiltWhenSliced, bounded_list
from nextround.core.access import get_owned_or_404, owned
from nextround.feedback.models import (
    Feedback,
    ImprovementAction,
    ImprovementKind,
    ImprovementStatus,
    Skill,
    SkillCategory,
    SuccessfulCandidate,
)
from nextround.feedback.ranking import gaps_for, rank_skills
from nextround.feedback.recording import save_feedback, save_successful_candidate
from nextround.feedback.suggestions import suggest_mentions
from nextround.feedback.tagging import (
    GapInput,
    clean_skill_name,
    find_or_create_skill,
    gaps_of,
    parse_gaps,
)
from nextround.jobs.models import Application
from nextround.network.models import Contact

router = Router(tags=["feedback and gaps"])


class GapIn(Payload):
    skill: str = Field(..., min_length=1, max_length=120)
    category: SkillCategory | None = None


class GapOut(Schema):
    skill: str
    category: str


def _gap_inputs(gaps: list[GapIn] | None) -> list[GapInput] | None:
    if gaps is None:
        return None
    return parse_gaps(
        [
            {"skill": gap.skill, "category": gap.category.value if gap.category else None}
            for gap in gaps
        ]
    )


def _sent_gaps(payload, sent) -> list[GapInput] | None:
    """The gaps a PATCH sets: None keeps them, ``null`` clears them, as for any field."""
    if sent is ...:
        return None
    return _gap_inputs(payload.gaps or [])


# Feedback


class FeedbackIn(Payload):
    application_id: RecordId
    text: str = Field("", max_length=20000)
    asked_on: Date | None = None
    chased_on: Date | None = None
    received_on: Date | None = None
    given_by_id: RecordId | None = None
    gaps: list[GapIn] = []


class FeedbackPatch(Payload):
    text: str | None = Field(None, max_length=20000)
    asked_on: Date | None = None
    chased_on: Date | None = None
    received_on: Date | None = None
    given_by_id: RecordId | None = None
    gaps: list[GapIn] | None = None


class FeedbackOut(Schema):
    id: int
    application_id: RecordId
    text: str
    asked_on: datetime.date | None
    chased_on: datetime.date | None
    received_on: datetime.date | None
    given_by_id: RecordId | None
    gaps: list[GapOut]
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_gaps(obj) -> list[dict]:
        return gaps_of(obj)


def _feedback(user):
    return owned(Feedback, user).prefetch_related("mentions__skill")


@router.get("/feedback", response=list[FeedbackOut])
@bounded_list
def list_feedback(request, application_id: RecordId | None = None):
    feedback = _feedback(request.auth)
    if application_id is not None:
        feedback = feedback.filter(application_id=application_id)
    return feedback


@router.post("/feedback", response={201: FeedbackOut})
def create_feedback(request, payload: FeedbackIn):
    user = request.auth
    data = payload.dict(exclude={"gaps", "application_id", "given_by_id"})
    feedback = Feedback(
        owner=user,
        application=owned_or_invalid(Application, user, payload.application_id, "application_id"),
        given_by=owned_or_invalid(Contact, user, payload.given_by_id, "given_by_id"),
        **data,
    )
    # Feedback that arrives with its words has been received, today unless told otherwise.
    if feedback.text.strip() and not feedback.received_on:
        feedback.received_on = timezone.localdate()
    save_feedback(feedback, _gap_inputs(payload.gaps))
    return Status(201, _feedback(user).get(pk=feedback.pk))


@router.get("/feedback/{feedback_id}", response=FeedbackOut)
def get_feedback(request, feedback_id: int):
    return get_owned_or_404(_feedback(request.auth), request.auth, pk=feedback_id)


@router.patch("/feedback/{feedback_id}", response=FeedbackOut)
def update_feedback(request, feedback_id: int, payload: FeedbackPatch):
    user = request.auth
    feedback = get_owned_or_404(Feedback, user, pk=feedback_id)
    changes = payload.dict(exclude_unset=True)
    gaps = _sent_gaps(payload, changes.pop("gaps", ...))
    if "given_by_id" in changes:
        feedback.given_by = owned_or_invalid(
            Contact, user, changes.pop("given_by_id"), "given_by_id"
        )
    apply_changes(feedback, changes)
    save_feedback(feedback, gaps, replace=True)
    return _feedback(user).get(pk=feedback.pk)


@router.delete("/feedback/{feedback_id}", response={204: None})
def delete_feedback(request, feedback_id: int):
    get_owned_or_404(Feedback, request.auth, pk=feedback_id).delete()
    return Status(204, None)


# Skills


class SkillIn(Payload):
    name: str = Field(..., min_length=1, max_length=120)
    category: SkillCategory = SkillCategory.SKILL


class SkillPatch(Payload):
    name: str | None = Field(None, min_length=1, max_length=120)
    category: SkillCategory | None = None


class SkillOut(Schema):
    id: int
    name: str
    category: str
    mentions: int = Field(..., alias="mention_count")


def _skills(user):
    # Meta.ordering does not apply to grouped queries, so the order is given here.
    return (
        owned(Skill, user).annotate(mention_count=Count("mentions")).order_by(Lower("name"), "id")
    )


@router.get("/skills", response=list[SkillOut])
@bounded_list
def list_skills(request):
    return _skills(request.auth)


@router.post("/skills", response={201: SkillOut})
def create_skill(request, payload: SkillIn):
    skill = Skill(owner=request.auth, name=payload.name, category=payload.category)
    validate_and_save(skill)
    return Status(201, _skills(request.auth).get(pk=skill.pk))


@router.get("/skills/{skill_id}", response=SkillOut)
def get_skill(request, skill_id: int):
    return get_owned_or_404(_skills(request.auth), request.auth, pk=skill_id)


@router.patch("/skills/{skill_id}", response=SkillOut)
def update_skill(request, skill_id: int, payload: SkillPatch):
    skill = get_owned_or_404(Skill, request.auth, pk=skill_id)
    apply_changes(skill, payload.dict(exclude_unset=True), required=("name", "category"))
    validate_and_save(skill)
    return _skills(request.auth).get(pk=skill.pk)


@router.delete("/skills/{skill_id}", response={204: None})
def delete_skill(request, skill_id: int):
    get_owned_or_404(Skill, request.auth, pk=skill_id).delete()
    return Status(204, None)


# Who got the job


class SuccessfulCandidateIn(Payload):
    application_id: RecordId
    profile_url: str = Field("", max_length=500)
    found_on: Date | None = None
    notes: str = Field("", max_length=20000)
    inside_appointment: bool = False
    evidence: str = Field("", max_length=5000)
    gaps: list[GapIn] = []


class SuccessfulCandidatePatch(Payload):
    profile_url: str | None = Field(None, max_length=500)
    found_on: Date | None = None
    notes: str | None = Field(None, max_length=20000)
    inside_appointment: bool | None = None
    evidence: str | None = Field(None, max_length=5000)
    gaps: list[GapIn] | None = None


class SuccessfulCandidateOut(Schema):
    id: int
    application_id: RecordId
    profile_url: str
    found_on: datetime.date | None
    notes: str
    inside_appointment: bool
    evidence: str
    gaps: list[GapOut]
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_gaps(obj) -> list[dict]:
        return gaps_of(obj)


def _candidates(user):
    return owned(SuccessfulCandidate, user).prefetch_related("mentions__skill")


@router.get("/successful-candidates", response=list[SuccessfulCandidateOut])
@bounded_list
def list_successful_candidates(request, application_id: RecordId | None = None):
    candidates = _candidates(request.auth)
    if application_id is not None:
        candidates = candidates.filter(application_id=application_id)
    return candidates


@router.post("/successful-candidates", response={201: SuccessfulCandidateOut})
def create_successful_candidate(request, payload: SuccessfulCandidateIn):
    user = request.auth
    candidate = SuccessfulCandidate(
        owner=user,
        application=owned_or_invalid(Application, user, payload.application_id, "application_id"),
        **payload.dict(exclude={"gaps", "application_id"}),
    )
    save_successful_candidate(candidate, _gap_inputs(payload.gaps))
    return Status(201, _candidates(user).get(pk=candidate.pk))


@router.get("/successful-candidates/{candidate_id}", response=SuccessfulCandidateOut)
def get_successful_candidate(request, candidate_id: int):
    return get_owned_or_404(_candidates(request.auth), request.auth, pk=candidate_id)


@router.patch("/successful-candidates/{candidate_id}", response=SuccessfulCandidateOut)
def update_successful_candidate(request, candidate_id: int, payload: SuccessfulCandidatePatch):
    candidate = get_owned_or_404(SuccessfulCandidate, request.auth, pk=candidate_id)
    changes = payload.dict(exclude_unset=True)
    gaps = _sent_gaps(payload, changes.pop("gaps", ...))
    apply_changes(candidate, changes, required=("inside_appointment",))
    save_successful_candidate(candidate, gaps, replace=True)
    return _candidates(request.auth).get(pk=candidate.pk)


@router.delete("/successful-candidates/{candidate_id}", response={204: None})
def delete_successful_candidate(request, candidate_id: int):
    get_owned_or_404(SuccessfulCandidate, request.auth, pk=candidate_id).delete()
    return Status(204, None)


# Improvement actions


class ImprovementActionIn(Payload):
    skill: str = Field(..., min_length=1, max_length=120)
    category: SkillCategory | None = None
    kind: ImprovementKind = ImprovementKind.COURSE
    title: str = Field(..., min_length=1, max_length=200)
    status: ImprovementStatus = ImprovementStatus.PLANNED
    target_on: Date | None = None
    link: str = Field("", max_length=500)
    notes: str = Field("", max_length=20000)


class ImprovementActionPatch(Payload):
    skill: str | None = Field(None, min_length=1, max_length=120)
    kind: ImprovementKind | None = None
    title: str | None = Field(None, min_length=1, max_length=200)
    status: ImprovementStatus | None = None
    target_on: Date | None = None
    link: str | None = Field(None, max_length=500)
    notes: str | None = Field(None, max_length=20000)


class ImprovementActionOut(Schema):
    id: int
    skill: str
    skill_id: RecordId
    category: str
    kind: str
    title: str
    status: str
    target_on: datetime.date | None
    done_on: datetime.date | None
    link: str
    notes: str

    @staticmethod
    def resolve_skill(obj) -> str:
        return obj.skill.name

    @staticmethod
    def resolve_category(obj) -> str:
        return obj.skill.category


def _improvements(user):
    return owned(ImprovementAction, user).select_related("skill")


@router.get("/improvement-actions", response=list[ImprovementActionOut])
@bounded_list
def list_improvement_actions(request, status: ImprovementStatus | None = None):
    actions = _improvements(request.auth)
    if status is not None:
        actions = actions.filter(status=status)
    return actions


@router.post("/improvement-actions", response={201: ImprovementActionOut})
def create_improvement_action(request, payload: ImprovementActionIn):
    user = request.auth
    clean_skill_name(payload.skill)
    data = payload.dict(exclude={"skill", "category"})
    action = ImprovementAction(owner=user, **data)
    action.full_clean(exclude=["skill"])
    action.skill = find_or_create_skill(
        user, payload.skill, payload.category.value if payload.category else None
    )
    action.save()
    return Status(201, _improvements(user).get(pk=action.pk))


@router.get("/improvement-actions/{action_id}", response=ImprovementActionOut)
def get_improvement_action(request, action_id: int):
    return get_owned_or_404(_improvements(request.auth), request.auth, pk=action_id)


@router.patch("/improvement-actions/{action_id}", response=ImprovementActionOut)
def update_improvement_action(request, action_id: int, payload: ImprovementActionPatch):
    user = request.auth
    action = get_owned_or_404(_improvements(user), user, pk=action_id)
    changes = payload.dict(exclude_unset=True)
    if "skill" in changes and changes["skill"] is None:
        raise ValidationError({"skill": "This field cannot be empty."})
    skill_name = changes.pop("skill", None)
    apply_changes(action, changes, required=("kind", "title", "status"))
    action.full_clean(exclude=["skill"])
    if skill_name is not None:
        action.skill = find_or_create_skill(user, skill_name)
    action.save()
    return _improvements(user).get(pk=action.pk)


@router.delete("/improvement-actions/{action_id}", response={204: None})
def delete_improvement_action(request, action_id: int):
    get_owned_or_404(ImprovementAction, request.auth, pk=action_id).delete()
    return Status(204, None)


# The gap map


class GapSourceOut(Schema):
    kind: str
    id: int
    on: datetime.date
    application_id: RecordId
    organisation: str
    counted: bool


class RankedGapOut(Schema):
    skill: str
    skill_id: RecordId
    category: str
    mentions: int
    score: float
    organisations: int
    last_mentioned_on: datetime.date | None
    sources_total: int
    sources: list[GapSourceOut]


# Each gap lists its latest sources; ``?sources=`` asks for more, or for none.
SOURCES_LISTED = 10


@router.get("/gaps", response=list[RankedGapOut])
@bounded_list
def list_gaps(
    request,
    sources: int = Query(
        SOURCES_LISTED,
        ge=0,
        le=MAX_ITEMS,
        description=f"How many of each gap's latest sources to list ({SOURCES_LISTED} "
        "if left out); `sources_total` says how many it has.",
    ),
):
    def build(ranks):
        return [_gap_out(gap) for gap in gaps_for(request.auth, ranks, sources_shown=sources)]

    # Ranked from plain values; only the part asked for is built.
    return BuiltWhenSliced(rank_skills(request.auth), build)


def _gap_out(gap) -> dict:
    return {
        "skill": gap.skill.name,
        "skill_id": gap.skill.pk,
        "category": gap.skill.category,
        "mentions": gap.mentions,
        "score": gap.score,
        "organisations": gap.organisations,
        "last_mentioned_on": gap.last_mentioned_on,
        "sources_total": gap.all_sources or 0,
        "sources": [
            {
                "kind": source.kind,
                "id": source.id,
                "on": source.on,
                "application_id": source.application_id,
                "organisation": source.organisation_name,
                "counted": source.counted,
            }
            for source in gap.sources
        ],
    }


class SuggestIn(Payload):
    text: str = Field(..., max_length=20000)


class SuggestionOut(Schema):
    skill: str
    category: str
    matched: str
    known: bool


@router.post("/gaps/suggestions", response=list[SuggestionOut])
def suggest_gaps(request, payload: SuggestIn):
    """Skills the text seems to mention; nothing is tagged until a client posts them back."""
    return [
        {
            "skill": suggestion.name,
            "category": suggestion.category,
            "matched": suggestion.matched,
            "known": suggestion.skill_id is not None,
        }
        for suggestion in suggest_mentions(payload.text, request.auth)
    ]
