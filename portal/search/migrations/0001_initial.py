# The search index's models, moved from the portal app (label "portal") with their
# tables: state only, no data touched. 0002 renames the tables.

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
                    name='SearchEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.CharField(max_length=64)),
                        ('language', models.CharField(max_length=8)),
                        ('kind', models.CharField(max_length=32)),
                        ('kind_label', models.CharField(max_length=100)),
                        ('title', models.TextField()),
                        ('body', models.TextField(blank=True)),
                        ('url', models.CharField(max_length=500)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                    ],
                    options={
                        'verbose_name': 'search entry',
                        'verbose_name_plural': 'search entries',
                        'db_table': 'portal_searchentry',
                    },
                ),
                migrations.CreateModel(
                    name='SearchWord',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(max_length=8)),
                        ('word', models.CharField(max_length=100)),
                    ],
                    options={
                        'verbose_name': 'search word',
                        'verbose_name_plural': 'search words',
                        'db_table': 'portal_searchword',
                        'constraints': [models.UniqueConstraint(fields=('language', 'word'), name='unique_search_word')],
                    },
                ),
                migrations.CreateModel(
                    name='SearchPosting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('in_title', models.BooleanField()),
                        ('title_length', models.PositiveIntegerField()),
                        ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='postings', to='search.searchentry')),
                        ('word', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='search.searchword')),
                    ],
                    options={
                        'verbose_name': 'search posting',
                        'verbose_name_plural': 'search postings',
                        'db_table': 'portal_searchposting',
                    },
                ),
                migrations.AddIndex(
                    model_name='searchentry',
                    index=models.Index(fields=['language', 'kind'], name='portal_sear_languag_415646_idx'),
                ),
                migrations.AddIndex(
                    model_name='searchentry',
                    index=models.Index(fields=['content_type', 'language', 'id', 'object_id'], name='search_entry_object'),
                ),
                migrations.AddConstraint(
                    model_name='searchentry',
                    constraint=models.UniqueConstraint(fields=('content_type', 'object_id', 'language'), name='unique_search_entry'),
                ),
                migrations.AddIndex(
                    model_name='searchposting',
                    index=models.Index(fields=['word', 'entry', 'in_title', 'title_length'], name='search_posting_lookup'),
                ),
            ],
            database_operations=[],
        ),
        relabel_content_types("search", ['searchentry', 'searchword', 'searchposting']),
    ]
