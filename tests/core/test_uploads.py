"""Documents and images: only allowed formats and sizes, served safely."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "pw"))
    return client


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (10, 10), (0, 0, 0)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("page.html", b"<script>alert(1)</script>", "text/html"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
        ("tool.exe", b"MZ...", "application/octet-stream"),
    ],
)
def test_dangerous_documents_are_refused(editor_client, name, content, content_type):
    response = editor_client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type), "collection": 1},
    )
    assert response.status_code == 200
    assert "error-message" in response.content.decode()
    assert not get_document_model().objects.filter(title=name).exists()


def test_svg_images_are_refused(editor_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "Logo",
            "file": SimpleUploadedFile("logo.svg", svg, "image/svg+xml"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert "error-message" in response.content.decode()


def test_documents_over_the_size_limit_are_refused(editor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = editor_client.post(
        "/admin/documents/add/",
        {
            "title": "Stor",
            "file": SimpleUploadedFile("stor.pdf", b"%PDF-" + b"0" * 4096, "application/pdf"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert "error-message" in response.content.decode()


def test_documents_download_as_attachments_and_pdf_inline_under_a_strict_policy(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    Document = get_document_model()
    docx = Document.objects.create(
        title="Blankett",
        file=SimpleUploadedFile(
            "blankett.docx",
            b"PK\x03\x04",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    )
    pdf = Document.objects.create(
        title="Manual", file=SimpleUploadedFile("manual.pdf", b"%PDF-1.4\n%%EOF", "application/pdf")
    )
    response = client.get(docx.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    response = client.get(pdf.url)
    assert response["Content-Disposition"].startswith("inline")
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_images_upload_within_the_allow_list(editor_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "Omslag",
            "file": SimpleUploadedFile("omslag.png", _png(), "image/png"),
            "collection": 1,
        },
    )
    assert response.status_code == 302
