"""Publications go through the review workflow ("Granskning") of an existing site.

A new site gets it from the seed (portal.editorial.workflow); a database made before
publications had workflows gets it here. Only the publication's workflow assignment is
added, and only when the workflow exists and publications have none yet; nothing else is
changed. Self-contained: the migration reads the historical models only.
"""

from django.db import migrations

WORKFLOW = "Granskning"


def assign_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    workflow = Workflow.objects.using(db).filter(name=WORKFLOW).first()
    if workflow is None:
        return
    content_type, _ = ContentType.objects.using(db).get_or_create(
        app_label="publications", model="publication"
    )
    WorkflowContentType.objects.using(db).get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0008_drop_search_text"),
        ("wagtailcore", "0083_workflowcontenttype"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Going back leaves the assignment: it does no harm without the workflow's views.
    operations = [migrations.RunPython(assign_workflow, migrations.RunPython.noop)]
