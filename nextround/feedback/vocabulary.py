"""The starter vocabulary of skill gaps for museum, gallery, archive, library and heritage work.

Each term has a category and the phrases that, found in feedback, suggest it.
Phrases are matched as whole words, case-insensitively, with British and
American spellings both listed where they differ; a phrase written with
capitals (an acronym such as ``CALM`` or ``STAR``) must match its capitals,
so that "calm" or "a star" in a sentence suggests nothing. The user's own skills are
matched too, by name; a vocabulary term becomes one of their skills only when
they confirm it.
"""

from __future__ import annotations

from dataclasses import dataclass

from nextround.feedback.models import SkillCategory

E = SkillCategory.EXPERIENCE
Q = SkillCategory.QUALIFICATION
K = SkillCategory.SUBJECT_KNOWLEDGE
S = SkillCategory.SKILL
I = SkillCategory.INTERVIEW_TECHNIQUE  # noqa: E741


@dataclass(frozen=True)
class Term:
    name: str
    category: SkillCategory
    phrases: tuple[str, ...] = ()

    def all_phrases(self) -> tuple[str, ...]:
        """The name itself, then every phrase that points to it."""
        return (self.name, *self.phrases)


TERMS: tuple[Term, ...] = (
    # Experience: work done, paid or voluntary.
    Term(
        "Collections management",
        E,
        ("collections care and management", "managing collections", "collection management"),
    ),
    Term(
        "Documentation and cataloguing (Spectrum)",
        E,
        (
            "spectrum",
            "cataloguing",
            "cataloging",
            "catalogue records",
            "catalog records",
            "documentation",
            "accessioning",
            "accessions",
            "inventory",
        ),
    ),
    Term(
        "Care and conservation of collections",
        E,
        (
            "conservation",
            "preventive conservation",
            "preventative conservation",
            "collections care",
            "environmental monitoring",
            "integrated pest management",
            "pest management",
        ),
    ),
    Term("Object handling", E, ("handling objects", "object handling", "handling collections")),
    Term(
        "Exhibitions",
        E,
        ("exhibition", "exhibitions", "exhibition development", "displays", "curating a display"),
    ),
    Term(
        "Exhibition installation and loans", E, ("loans", "couriering", "installation", "install")
    ),
    Term(
        "Learning and engagement",
        E,
        (
            "learning",
            "engagement",
            "education programme",
            "education program",
            "schools programme",
            "school groups",
            "workshops",
            "family learning",
        ),
    ),
    Term(
        "Community engagement",
        E,
        ("community", "communities", "co-production", "outreach", "participation"),
    ),
    Term(
        "Digitisation",
        E,
        ("digitisation", "digitization", "digitising", "digitizing", "imaging", "scanning"),
    ),
    Term(
        "Digital engagement and social media",
        E,
        ("social media", "digital engagement", "online audiences"),
    ),
    Term(
        "Audience research and evaluation",
        E,
        (
            "audience research",
            "evaluation",
            "visitor research",
            "audience development",
            "visitor surveys",
        ),
    ),
    Term(
        "Fundraising and grant applications",
        E,
        (
            "fundraising",
            "fund-raising",
            "grant applications",
            "grant writing",
            "bids",
            "bid writing",
            "national lottery heritage fund",
            "development team",
        ),
    ),
    Term(
        "Volunteer management",
        E,
        ("volunteers", "volunteer management", "managing volunteers", "volunteer coordination"),
    ),
    Term(
        "Line management",
        E,
        (
            "line management",
            "line-management",
            "managing staff",
            "supervising staff",
            "managing a team",
        ),
    ),
    Term(
        "Project management",
        E,
        ("project management", "managing projects", "project delivery", "delivering projects"),
    ),
    Term("Budget management", E, ("budget", "budgets", "financial management")),
    Term(
        "Front of house and visitor services",
        E,
        ("front of house", "visitor services", "visitor experience", "customer service"),
    ),
    Term(
        "Archive cataloguing and arrangement",
        E,
        (
            "archival cataloguing",
            "archival cataloging",
            "arrangement and description",
            "finding aids",
            "isad(g)",
            "archive catalogue",
        ),
    ),
    Term(
        "Records management",
        E,
        ("records management", "retention schedules", "information governance"),
    ),
    Term(
        "Reading room and enquiries",
        E,
        ("reading room", "enquiries", "searchroom", "search room", "reference enquiries"),
    ),
    Term(
        "Library cataloguing and metadata",
        E,
        ("MARC", "RDA", "metadata", "classification", "dewey"),
    ),
    Term("Special collections", E, ("special collections", "rare books", "manuscripts")),
    Term(
        "Heritage site and property operations",
        E,
        ("historic house", "historic property", "property operations", "site management"),
    ),
    Term(
        "Events programming",
        E,
        ("events", "event programme", "public programme", "public programmes", "public programs"),
    ),
    Term("Retail and commercial", E, ("retail", "commercial", "income generation", "trading")),
    Term(
        "Working with lenders and partners",
        E,
        (
            "partnerships",
            "partner organisations",
            "partner organizations",
            "stakeholders",
            "stakeholder management",
        ),
    ),
    Term(
        "Rights and reproductions",
        E,
        ("copyright", "rights and reproductions", "licensing", "image rights"),
    ),
    Term(
        "Research and publication", E, ("research", "publication", "published", "catalogue essays")
    ),
    Term(
        "Moving and packing collections", E, ("collections move", "packing", "decant", "store move")
    ),
    Term("Museum accreditation", E, ("accreditation", "accredited museum", "accreditation scheme")),
    Term(
        "Access and inclusion",
        E,
        ("accessibility", "access", "inclusion", "inclusive", "SEN", "SEND"),
    ),
    Term(
        "Paid sector experience",
        E,
        (
            "paid experience",
            "paid role",
            "experience at this level",
            "more experience",
            "similar role",
        ),
    ),
    # Qualifications.
    Term(
        "Museums Association AMA",
        Q,
        ("AMA", "associateship of the museums association", "associateship"),
    ),
    Term("Museums Association FMA", Q, ("FMA", "fellowship of the museums association")),
    Term(
        "Museum studies degree",
        Q,
        (
            "museum studies",
            "museum studies ma",
            "museum studies degree",
            "postgraduate qualification",
            "master's degree",
            "masters degree",
            "ma in",
        ),
    ),
    Term(
        "Archives and records management qualification",
        Q,
        (
            "archives qualification",
            "archive qualification",
            "recognised archives qualification",
            "records management qualification",
            "archives and records management",
        ),
    ),
    Term(
        "Library and information science qualification",
        Q,
        (
            "cilip",
            "library qualification",
            "MLIS",
            "information science",
            "librarianship",
            "chartership",
        ),
    ),
    Term(
        "Conservation qualification",
        Q,
        ("conservation degree", "icon accreditation", "accredited conservator"),
    ),
    Term("Teaching or education qualification", Q, ("PGCE", "teaching qualification", "QTS")),
    Term(
        "Project management qualification",
        Q,
        ("prince2", "APM", "PMP", "project management qualification"),
    ),
    Term("Driving licence", Q, ("driving licence", "driving license", "full licence")),
    Term("First aid certificate", Q, ("first aid",)),
    Term("DBS check", Q, ("DBS", "enhanced dbs", "safeguarding training")),
    # Subject knowledge.
    Term(
        "Subject specialism",
        K,
        (
            "subject specialism",
            "subject specialist",
            "subject knowledge",
            "specialist knowledge",
            "specialism",
        ),
    ),
    Term("Art history", K, ("art history", "art historical", "fine art")),
    Term("Archaeology", K, ("archaeology", "archaeological", "archeology")),
    Term("Social history", K, ("social history", "local history")),
    Term(
        "Natural history",
        K,
        ("natural history", "natural sciences", "natural science", "zoology", "geology", "botany"),
    ),
    Term(
        "Decorative arts and design",
        K,
        (
            "decorative arts",
            "design history",
            "ceramics",
            "textiles",
            "furniture",
            "costume",
            "dress",
        ),
    ),
    Term("Military history", K, ("military history", "regimental")),
    Term(
        "Science and industry",
        K,
        (
            "history of science",
            "industrial history",
            "technology collections",
            "engineering heritage",
        ),
    ),
    Term("Contemporary art", K, ("contemporary art", "contemporary practice", "artists")),
    Term(
        "World cultures and decolonial practice",
        K,
        (
            "world cultures",
            "decolonising",
            "decolonizing",
            "decolonisation",
            "decolonization",
            "repatriation",
            "provenance",
        ),
    ),
    Term(
        "Historic buildings and landscapes",
        K,
        (
            "historic buildings",
            "built heritage",
            "listed buildings",
            "historic environment",
            "landscapes",
            "gardens",
        ),
    ),
    Term(
        "Palaeography and languages",
        K,
        (
            "palaeography",
            "paleography",
            "latin",
            "old hand",
            "languages",
            "welsh language",
            "welsh speaker",
        ),
    ),
    Term(
        "Heritage legislation and ethics",
        K,
        ("ethics", "code of ethics", "legislation", "gdpr", "data protection", "export licensing"),
    ),
    Term(
        "The organisation's own collection",
        K,
        (
            "our collection",
            "our collections",
            "knowledge of the collection",
            "our site",
            "our history",
        ),
    ),
    # Skills.
    Term(
        "Collections databases",
        S,
        (
            "collections database",
            "collections management system",
            "CMS",
            "axiell",
            "EMu",
            "mimsy",
            "MODES",
            "adlib",
            "CALM",
            "epexio",
            "ehive",
            "TMS",
        ),
    ),
    Term(
        "Library systems",
        S,
        ("library management system", "LMS", "alma", "koha", "sierra", "worldshare"),
    ),
    Term(
        "Digital preservation",
        S,
        ("digital preservation", "born-digital", "born digital", "preservica", "archivematica"),
    ),
    Term("Photography", S, ("photography", "photographing objects", "object photography")),
    Term(
        "Writing for audiences",
        S,
        (
            "interpretation",
            "label writing",
            "writing labels",
            "interpretive writing",
            "copywriting",
            "writing for audiences",
        ),
    ),
    Term(
        "Public speaking and tours",
        S,
        ("public speaking", "tours", "guided tours", "presenting to groups", "talks"),
    ),
    Term(
        "Data and spreadsheets",
        S,
        ("excel", "spreadsheets", "data analysis", "data entry", "databases"),
    ),
    Term(
        "Web and content management",
        S,
        ("website", "web content", "content management", "wordpress", "SEO"),
    ),
    Term(
        "IIIF and digital collections",
        S,
        ("IIIF", "linked data", "online collections", "digital collections"),
    ),
    Term("Marketing and communications", S, ("marketing", "communications", "PR")),
    Term(
        "Negotiation and influencing", S, ("negotiation", "influencing", "persuading", "advocacy")
    ),
    Term(
        "Teamwork and collaboration",
        S,
        ("teamwork", "team working", "collaboration", "collaborative", "working with colleagues"),
    ),
    Term(
        "Organisation and prioritising",
        S,
        (
            "prioritising",
            "prioritizing",
            "time management",
            "organisational skills",
            "organizational skills",
            "juggling",
        ),
    ),
    Term("Attention to detail", S, ("attention to detail", "accuracy", "detail-oriented")),
    Term(
        "Leadership",
        S,
        ("leadership", "leading a team", "strategic thinking", "strategy", "vision"),
    ),
    # Interview technique.
    Term("Interview technique", I, ("interview technique", "interview skills")),
    Term(
        "Using specific examples (STAR)",
        I,
        (
            "specific examples",
            "specific example",
            "concrete example",
            "concrete examples",
            "examples",
            "STAR",
            "star method",
            "star technique",
        ),
    ),
    Term(
        "Concise answers",
        I,
        (
            "concise",
            "too long",
            "rambled",
            "rambling",
            "more succinct",
            "succinct",
            "to the point",
            "answered the question",
        ),
    ),
    Term(
        "Showing enthusiasm for the organisation",
        I,
        ("enthusiasm", "motivation", "why you wanted", "passion"),
    ),
    Term(
        "Research into the organisation",
        I,
        (
            "research into",
            "knowledge of the organisation",
            "knowledge of the organization",
            "about us",
            "our strategy",
        ),
    ),
    Term("Presentation task", I, ("presentation", "presentation task", "the task", "slides")),
    Term(
        "Answering competency questions",
        I,
        (
            "competency",
            "competencies",
            "competency-based",
            "person specification",
            "essential criteria",
        ),
    ),
    Term(
        "Questions for the panel",
        I,
        ("questions for us", "questions for the panel", "questions at the end"),
    ),
    Term("Nerves and confidence", I, ("nervous", "nerves", "confidence", "confident", "anxious")),
    Term(
        "Relating answers to the job description",
        I,
        ("job description", "role description", "link your answers", "relate your answers"),
    ),
)


def term_named(name: str) -> Term | None:
    """The starter term with this name (any case), if there is one."""
    wanted = " ".join(name.split()).casefold()
    for term in TERMS:
        if term.name.casefold() == wanted:
            return term
    return None
