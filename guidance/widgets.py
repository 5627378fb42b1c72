"""Form widgets of the guidance admin."""

from phonenumber_field.widgets import RegionalPhoneNumberWidget


class TypedPhoneNumberWidget(RegionalPhoneNumberWidget):
    """Shows a number as the editor typed it when the form comes back (an error elsewhere, or
    a number that is not valid), and a stored number in its national form."""

    def format_value(self, value):
        if isinstance(value, str):
            return value
        return super().format_value(value)
