"""The erasure task, run after Saleor committed a customer's deletion."""

from saleor.celeryconf import app
from saleor.core.db.connection import allow_writer

from .erasure import erase_customer_data


@app.task
@allow_writer()
def erase_customer_data_task(email: str) -> dict[str, int]:
    """Wipe a deleted customer's personal data in every capability; returns the counts."""
    return erase_customer_data(email).as_dict()
