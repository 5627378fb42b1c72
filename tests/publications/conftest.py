import pytest

from tests.factories import sample_catalogue


@pytest.fixture
def sample(settings, tmp_path) -> sample_catalogue.SampleCatalogue:
    """The small catalogue of tests/factories/sample_catalogue.py, on the test's own site."""
    settings.MEDIA_ROOT = tmp_path
    return sample_catalogue.build()
