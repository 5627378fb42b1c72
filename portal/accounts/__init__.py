"""Two-factor sign-in for the Wagtail admin: a time-based code (TOTP) after the password.

No Wagtail-specific package supports Wagtail 8 yet (docs/deployment.md), so this is the
thin layer such packages are, on django-otp (the maintained OTP framework they all build
on): django-otp keeps the devices, checks the codes, throttles wrong ones and marks the
session as verified; this module asks for a code before any admin page.

With PORTAL_TWO_FACTOR on (production's default), a signed-in user who has not given a
code in this session is sent from every admin page to

- /admin/2fa/setup/ when they have no authenticator yet: a QR code and the key to type,
  and the first code, which confirms the device. The key is new for each session that
  starts a set-up and works only there; an unconfirmed one expires after 15 minutes; or
- /admin/2fa/verify/ when they have one: the current code.

Sign-in, sign-out and password reset stay reachable. A lost phone: an administrator
chooses "Reset two-step sign-in" beside the user in the admin's user list (or runs
`manage.py reset_two_factor <username>`), and the user sets up a new one at next sign-in.
"""
