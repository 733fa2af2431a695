/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-fault-page.c: what the window shows when a database cannot be opened */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-core.h"
#include "rp-fault-page.h"

struct _RpFaultPage
{
  AdwBin          parent_instance;

  char           *path;

  AdwStatusPage  *status_page;
  GtkLabel       *path_label;
  GtkButton      *retry_button;
  GtkButton      *backup_button;
  GtkButton      *read_only_button;
  GtkButton      *local_copy_button;
  GtkButton      *repair_button;
};

G_DEFINE_FINAL_TYPE (RpFaultPage, rp_fault_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
title_for (const GError *error)
{
  /* A team database's own troubles, named as plainly as a file's. */
  if (g_error_matches (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE))
    return _("The Team Database Cannot Be Reached");
  if (g_error_matches (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION))
    return _("Your Account May Not Do This");
  if (g_error_matches (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NEWER_VERSION))
    return _("Set Up by a Newer Version of Reprovision");

  if (error->domain != RP_ERROR)
    return _("The Database Could Not Be Opened");

  switch (error->code)
    {
    case RP_ERROR_NOT_DATABASE:
      return _("This Is Not a Reprovision Database");
    case RP_ERROR_NEWER_VERSION:
      return _("Saved by a Newer Version of Reprovision");
    case RP_ERROR_CORRUPT:
      return _("The Database Is Damaged");
    case RP_ERROR_LOCKED:
      return _("The Database Is in Use");
    case RP_ERROR_READ_ONLY:
      return _("The Database Cannot Be Changed");
    case RP_ERROR_NOT_FOUND:
      return _("The Database Could Not Be Found");
    case RP_ERROR_NO_SPACE:
      return _("The Disk Is Full");
    case RP_ERROR_LOCK_LOST:
      return _("Saving Stopped to Keep the Database Safe");
    case RP_ERROR_NETWORK_SHARE:
      return _("The Database Is on a Network Drive");
    case RP_ERROR_UNPROTECTED:
      return _("The Audit Trail Is Not Protected");
    default:
      return _("The Database Could Not Be Opened");
    }
}

/**
 * rp_fault_page_set_fault:
 * @path: the file that could not be opened
 * @error: why
 * @has_backups: whether backups of @path exist to restore
 *
 * Names the problem and offers only what can help with it. The file itself
 * is never changed from here.
 */
void
rp_fault_page_set_fault (RpFaultPage  *self,
                         const char   *path,
                         const GError *error,
                         gboolean      has_backups)
{
  gboolean locked, read_only, damaged, lock_lost, network, unprotected;

  g_return_if_fail (RP_IS_FAULT_PAGE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (error != NULL);

  locked = g_error_matches (error, RP_ERROR, RP_ERROR_LOCKED);
  read_only = g_error_matches (error, RP_ERROR, RP_ERROR_READ_ONLY);
  damaged = g_error_matches (error, RP_ERROR, RP_ERROR_CORRUPT);
  lock_lost = g_error_matches (error, RP_ERROR, RP_ERROR_LOCK_LOST);
  network = g_error_matches (error, RP_ERROR, RP_ERROR_NETWORK_SHARE);
  unprotected = g_error_matches (error, RP_ERROR, RP_ERROR_UNPROTECTED);

  adw_status_page_set_title (self->status_page, title_for (error));
  adw_status_page_set_description (self->status_page, error->message);
  gtk_label_set_label (self->path_label, path);

  gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                          locked || lock_lost || g_error_matches (error, RP_ERROR, RP_ERROR_NO_SPACE));
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_button), locked || read_only || network || unprotected);
  gtk_widget_set_visible (GTK_WIDGET (self->local_copy_button), network);
  gtk_widget_set_visible (GTK_WIDGET (self->repair_button), unprotected);
  /* After a lost lock the file is fine: a backup would only undo saved work. */
  gtk_widget_set_visible (GTK_WIDGET (self->backup_button), has_backups && !lock_lost && !network);

  /* The one thing most likely to help is the suggested one. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->backup_button), "suggested-action");
  gtk_widget_remove_css_class (GTK_WIDGET (self->retry_button), "suggested-action");
  gtk_widget_remove_css_class (GTK_WIDGET (self->read_only_button), "suggested-action");
  gtk_widget_remove_css_class (GTK_WIDGET (self->repair_button), "suggested-action");
  if (damaged && has_backups)
    gtk_widget_add_css_class (GTK_WIDGET (self->backup_button), "suggested-action");
  else if (locked || lock_lost)
    gtk_widget_add_css_class (GTK_WIDGET (self->retry_button), "suggested-action");
  else if (unprotected)
    gtk_widget_add_css_class (GTK_WIDGET (self->repair_button), "suggested-action");
  else if (read_only)
    gtk_widget_add_css_class (GTK_WIDGET (self->read_only_button), "suggested-action");

  if (g_strcmp0 (self->path, path) != 0)
    {
      g_free (self->path);
      self->path = g_strdup (path);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
    }
}

const char *
rp_fault_page_get_path (RpFaultPage *self)
{
  g_return_val_if_fail (RP_IS_FAULT_PAGE (self), NULL);

  return self->path;
}

static void
rp_fault_page_finalize (GObject *object)
{
  RpFaultPage *self = RP_FAULT_PAGE (object);

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (rp_fault_page_parent_class)->finalize (object);
}

static void
rp_fault_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RpFaultPage *self = RP_FAULT_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_fault_page_class_init (RpFaultPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rp_fault_page_finalize;
  object_class->get_property = rp_fault_page_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/shell/rp-fault-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpFaultPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RpFaultPage, path_label);
  gtk_widget_class_bind_template_child (widget_class, RpFaultPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, RpFaultPage, backup_button);
  gtk_widget_class_bind_template_child (widget_class, RpFaultPage, read_only_button);
  gtk_widget_class_bind_template_child (widget_class, RpFaultPage, local_copy_button);
  gtk_widget_class_bind_template_child (widget_class, RpFaultPage, repair_button);
}

static void
rp_fault_page_init (RpFaultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
