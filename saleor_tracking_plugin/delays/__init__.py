"""Delays: detect late orders, tell the customer, record their choice, help staff call."""
