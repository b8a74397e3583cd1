from django.urls import path

from nextround.questions.views import ask, bank, capture, review

app_name = "questions"

urlpatterns = [
    path("", bank.question_list, name="questions"),
    path("new/", bank.question_create, name="question_create"),
    path("starter/", bank.starter, name="starter"),
    path("bank.md", bank.markdown_download, name="markdown"),
    path("questions.apkg", bank.apkg_download, name="apkg"),
    path("<int:question_id>/", bank.question_detail, name="question"),
    path("<int:question_id>/edit/", bank.question_edit, name="question_edit"),
    path("<int:question_id>/delete/", bank.question_delete, name="question_delete"),
    path("<int:question_id>/merge/", bank.question_merge, name="question_merge"),
    path("<int:question_id>/answer/", review.question_answer, name="question_answer"),
    path("review/", review.review_session, name="review"),
    path("review/<int:question_id>/", review.review_rate, name="review_rate"),
    path("practice/", review.practice, name="practice"),
    path("stats/", review.stats, name="stats"),
    path("preferences/", review.preferences, name="preferences"),
    path("interviews/<int:interview_id>/notes/", capture.interview_notes, name="interview_notes"),
    path("interviews/<int:interview_id>/pack.pdf", capture.interview_pack, name="pack"),
    path("ask/", ask.ask_list, name="ask"),
    path("ask/<int:ask_id>/edit/", ask.ask_edit, name="ask_edit"),
    path("ask/<int:ask_id>/delete/", ask.ask_delete, name="ask_delete"),
]
