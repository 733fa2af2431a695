/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-welcome-page.c: what the window shows before any database is open */

#include "config.h"

#include "rp-welcome-page.h"

struct _RpWelcomePage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (RpWelcomePage, rp_welcome_page, ADW_TYPE_BIN)

static void
rp_welcome_page_class_init (RpWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/shell/rp-welcome-page.ui");
}

static void
rp_welcome_page_init (RpWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
