"""GraphQL behind the dashboard's grouped settings screen.

The values themselves are read and saved through Saleor's own `plugin` query and
`pluginUpdate` mutation, so they pass the same validation as Saleor's plugin page. These
fields add what Saleor's flat list lacks: the groups, a test call per carrier and a live
preview of each message type's texts on a real order.
"""

import graphene

from ..carriers.connectors import connector_codes, connector_field_names
from ..carriers.registry import get_carrier
from ..config import configuration_problems, setting_groups, settings_with
from ..doctor.checks import check_carrier
from ..notifications.catalog import all_message_types, get_message_type
from ..notifications.config import (
    channels_field_name,
    text_field_name,
    whatsapp_template_field_name,
)
from ..notifications.preview import preview
from ..saleor_glue.order_lookups import order_for_preview
from .core import MutationError, NotFound, mutation_error
from .doctor import DoctorFinding
from .permissions import Access, requires


class SettingInput(graphene.InputObjectType):
    name = graphene.String(required=True, description="Setting name, as in `pluginUpdate`.")
    value = graphene.String(description="The value typed but not saved yet.")


class SettingsGroup(graphene.ObjectType):
    title = graphene.String(required=True, description="Capability, e.g. `Returns`.")
    fields = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Setting names, in order."
    )


class CarrierSettings(graphene.ObjectType):
    code = graphene.String(required=True, description="Carrier code, e.g. `yurtici`.")
    name = graphene.String(required=True, description="The carrier's name.")
    fields = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Its credential settings."
    )


class MessageTypeSettings(graphene.ObjectType):
    code = graphene.String(required=True, description="Message type, e.g. `shipped`.")
    label = graphene.String(required=True, description="Its name.")
    channels_field = graphene.String(required=True, description="Setting of its channels.")
    text_tr_field = graphene.String(required=True, description="Setting of its Turkish text.")
    text_en_field = graphene.String(required=True, description="Setting of its English text.")
    whatsapp_template_field = graphene.String(
        required=True, description="Setting of its WhatsApp template name."
    )


class TrackingSettingsLayout(graphene.ObjectType):
    groups = graphene.List(graphene.NonNull(SettingsGroup), required=True)
    carriers = graphene.List(graphene.NonNull(CarrierSettings), required=True)
    message_types = graphene.List(graphene.NonNull(MessageTypeSettings), required=True)


class MessagePreviewText(graphene.ObjectType):
    language = graphene.String(required=True, description="`tr` or `en`.")
    subject = graphene.String(required=True, description="Email subject.")
    body = graphene.String(required=True, description="The text, facts filled in.")


class MessagePreview(graphene.ObjectType):
    order_number = graphene.String(required=True, description="The order it was filled from.")
    texts = graphene.List(graphene.NonNull(MessagePreviewText), required=True)


def _layout() -> TrackingSettingsLayout:
    carriers = []
    for code in connector_codes():
        carrier = get_carrier(code)
        carriers.append(
            CarrierSettings(
                code=code,
                name=carrier.name if carrier else code,
                fields=connector_field_names(code),
            )
        )
    return TrackingSettingsLayout(
        groups=[SettingsGroup(title=title, fields=names) for title, names in setting_groups()],
        carriers=carriers,
        message_types=[
            MessageTypeSettings(
                code=mt.code,
                label=mt.label,
                channels_field=channels_field_name(mt.code),
                text_tr_field=text_field_name(mt.code, "tr"),
                text_en_field=text_field_name(mt.code, "en"),
                whatsapp_template_field=whatsapp_template_field_name(mt.code),
            )
            for mt in all_message_types()
        ],
    )


def _changes(configuration) -> list[dict]:
    return [{"name": item["name"], "value": item.get("value")} for item in configuration or []]


class SettingsQueries(graphene.ObjectType):
    tracking_settings_layout = requires(
        Access.MANAGE_PLUGINS,
        graphene.Field(
            graphene.NonNull(TrackingSettingsLayout),
            description=(
                "How the settings are grouped: capabilities, carriers with their credentials, "
                "message types with their channels and texts. Requires MANAGE_PLUGINS."
            ),
        ),
    )
    message_preview = requires(
        Access.MANAGE_ORDERS,
        graphene.Field(
            graphene.NonNull(MessagePreview),
            message_type=graphene.String(required=True, description="Message type code."),
            order_number=graphene.String(description="Order to fill it from; the latest if none."),
            configuration=graphene.List(
                graphene.NonNull(SettingInput), description="Unsaved texts to preview."
            ),
            description=(
                "A message type's subject and text in Turkish and English, filled from a real "
                "order, with the unsaved texts given. Requires MANAGE_ORDERS (it shows an order)."
            ),
        ),
    )

    @staticmethod
    def resolve_tracking_settings_layout(_root, _info):
        return _layout()

    @staticmethod
    def resolve_message_preview(_root, _info, message_type, order_number=None, configuration=None):
        try:
            found_type = get_message_type(message_type)
        except ValueError:
            raise NotFound(f"Unknown message type {message_type!r}.") from None
        order = order_for_preview((order_number or "").strip() or None)
        if order is None:
            raise NotFound("No such order to preview with.")
        texts = preview(found_type, order, settings_with(_changes(configuration)))
        return MessagePreview(
            order_number=str(order.number),
            texts=[MessagePreviewText(t.language, t.subject, t.body) for t in texts],
        )


class CarrierCredentialsTest(graphene.Mutation):
    """One test call to a carrier with its saved credentials, or with the unsaved ones given
    (the doctor's check). Invalid values come back in `errors` and call nobody."""

    class Arguments:
        carrier = graphene.String(required=True, description="Carrier code, e.g. `yurtici`.")
        configuration = graphene.List(
            graphene.NonNull(SettingInput), description="Unsaved credential values to try."
        )

    result = graphene.Field(DoctorFinding, description="What the carrier answered.")
    errors = graphene.List(graphene.NonNull(MutationError), required=True)

    @staticmethod
    def mutate(_root, _info, carrier, configuration=None):
        if carrier not in connector_codes():
            return CarrierCredentialsTest(
                errors=[mutation_error("NOT_FOUND", f"No connector for {carrier!r}.", "carrier")]
            )
        changes = _changes(configuration)
        problems = configuration_problems(changes)
        if problems:
            return CarrierCredentialsTest(
                errors=[mutation_error("INVALID", text, name) for name, text in problems.items()]
            )
        return CarrierCredentialsTest(
            result=check_carrier(carrier, settings_with(changes)), errors=[]
        )


class SettingsMutations(graphene.ObjectType):
    carrier_credentials_test = requires(
        Access.MANAGE_PLUGINS,
        CarrierCredentialsTest.Field(
            description="Test a carrier's credentials with one call. Requires MANAGE_PLUGINS."
        ),
    )
