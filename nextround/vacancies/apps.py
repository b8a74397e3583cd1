from django.apps import AppConfig


class VacanciesConfig(AppConfig):
    name = "nextround.vacancies"
    label = "vacancies"
