"""GraphQL of the doctor: `trackingDoctor` for staff with MANAGE_ORDERS."""

import graphene

from ..doctor.checks import run_checks
from ..doctor.findings import Severity
from .permissions import Access, requires

SeverityEnum = graphene.Enum.from_enum(
    Severity, description="How much a finding matters: PROBLEM breaks a capability."
)


class DoctorFinding(graphene.ObjectType):
    check = graphene.String(required=True, description="What was checked, e.g. `public_url`.")
    severity = SeverityEnum(required=True, description="How it stands.")
    message = graphene.String(required=True, description="What the doctor found.")
    action = graphene.String(required=True, description="What to do about it; empty when OK.")


class DoctorQueries(graphene.ObjectType):
    tracking_doctor = requires(
        Access.MANAGE_ORDERS,
        graphene.List(
            graphene.NonNull(DoctorFinding),
            required=True,
            description=(
                "The plugin's installation checks, problems first (staff with MANAGE_ORDERS): "
                "the same as `python manage.py tracking_doctor`. Makes one test call per "
                "configured carrier and pings the Celery workers, so it takes a few seconds."
            ),
        ),
    )

    @staticmethod
    def resolve_tracking_doctor(_root, _info):
        return run_checks()
