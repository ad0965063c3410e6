"""The doctor: checks a merchant's installation and says what to fix."""
