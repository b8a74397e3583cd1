from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "nextround.questions"
    label = "questions"
