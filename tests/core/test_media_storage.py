"""Media on S3-compatible storage, switched on by environment variables (tested against moto)."""

import socket

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import override_settings
from moto.server import ThreadedMotoServer

from portal.settings.base import media_storage


def test_local_files_without_a_bucket():
    assert media_storage({})["BACKEND"].endswith("FileSystemStorage")


@pytest.fixture
def s3_endpoint(monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    for name, value in {
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": "eu-north-1",
    }.items():
        monkeypatch.setenv(name, value)
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client("s3", endpoint_url=endpoint, region_name="eu-north-1").create_bucket(
        Bucket="portal-media", CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
    )
    yield endpoint
    server.stop()


def test_uploads_go_to_the_bucket_when_switched_on(s3_endpoint):
    env = {
        "AWS_STORAGE_BUCKET_NAME": "portal-media",
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "eu-north-1",
    }
    config = media_storage(env)
    assert config["BACKEND"] == "storages.backends.s3.S3Storage"
    with override_settings(
        STORAGES={
            "default": config,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        name = storages["default"].save("documents/manual.pdf", ContentFile(b"%PDF-1.4"))
        assert storages["default"].exists(name)
        url = storages["default"].url(name)
    assert url.startswith(f"{s3_endpoint}/portal-media/documents/manual")
    objects = boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name="eu-north-1"
    ).list_objects_v2(Bucket="portal-media")
    assert [o["Key"] for o in objects["Contents"]] == [name]
