"""Satisfaction surveys after delivery, complaints with a response deadline, and coupons."""
