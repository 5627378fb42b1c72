# TranslationTimestamps, moved from the portal app (label "portal") with its table:
# state only, no data touched. 0002 renames the table.

import django.db.models.deletion
from django.db import migrations, models


def relabel_content_types(app_label, models):
    """The moved models' content types (and so their permissions) follow them."""

    def forwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label="portal", model__in=models).exclude(
            model__in=ContentType.objects.filter(app_label=app_label).values("model")
        ).update(app_label=app_label)

    def backwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label=app_label, model__in=models).update(
            app_label="portal"
        )

    return migrations.RunPython(forwards, backwards)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('portal', '0006_search_entry_object_index'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='TranslationTimestamps',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.CharField(max_length=64)),
                        ('sv_changed_at', models.DateTimeField(blank=True, null=True)),
                        ('en_changed_at', models.DateTimeField(blank=True, null=True)),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                    ],
                    options={
                        'verbose_name': 'translation timestamps',
                        'verbose_name_plural': 'translation timestamps',
                        'db_table': 'portal_translationtimestamps',
                        'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='unique_translation_timestamps')],
                    },
                ),
            ],
            database_operations=[],
        ),
        relabel_content_types("editorial", ['translationtimestamps']),
    ]
