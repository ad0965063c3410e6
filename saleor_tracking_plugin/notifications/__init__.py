"""Customer notifications: an outbox of messages sent by Celery on email, SMS, WhatsApp and a
signed webhook to the merchant's CRM. Other capabilities call `api.notify(...)`."""
