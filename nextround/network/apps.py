from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "nextround.network"
    label = "network"

    def ready(self):
        # The plan asks the areas above it whether a step is already done:
        # a panel everyone has been reached on needs no "connect" step.
        from nextround.network.panel import close_connect_panel_if_reached
        from nextround.playbook.plan import PLAN_CHANGED_CHECKS

        if close_connect_panel_if_reached not in PLAN_CHANGED_CHECKS:
            PLAN_CHANGED_CHECKS.append(close_connect_panel_if_reached)
