# The search index and the translation timestamps moved to their own apps (portal.search,
# portal.editorial), which took over their tables: the portal app forgets them, the
# database keeps them.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0006_search_entry_object_index'),
        ('search', '0001_initial'),
        ('editorial', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='searchposting',
                    name='entry',
                ),
                migrations.RemoveField(
                    model_name='searchposting',
                    name='word',
                ),
                migrations.RemoveField(
                    model_name='translationtimestamps',
                    name='content_type',
                ),
                migrations.DeleteModel(
                    name='SearchEntry',
                ),
                migrations.DeleteModel(
                    name='SearchPosting',
                ),
                migrations.DeleteModel(
                    name='SearchWord',
                ),
                migrations.DeleteModel(
                    name='TranslationTimestamps',
                ),
            ],
            database_operations=[],
        ),
    ]
