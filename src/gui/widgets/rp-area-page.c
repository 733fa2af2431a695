/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-area-page.c: the base of the window's four areas, each showing one programme */

#include "config.h"

#include <string.h>

#include "rp-area-page.h"

typedef struct
{
  RpStore      *store;
  RpProgramme  *programme;
  GSignalGroup *store_signals;   /* follows whichever store the page shows */
  guint         refresh_source;  /* a refresh waiting for the page to be seen, or for idle time */
  guint         change_source;   /* a refresh for changes just committed, once for them all */
  guint         stale : 1;       /* out of sight when the data changed: refresh when shown */
} RpAreaPagePrivate;

/* Derivable so that the four areas share their store, programme and refresh. */
G_DEFINE_TYPE_WITH_PRIVATE (RpAreaPage, rp_area_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_area_page_dispose (GObject *object)
{
  RpAreaPage *self = RP_AREA_PAGE (object);
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  g_clear_handle_id (&priv->refresh_source, g_source_remove);
  g_clear_handle_id (&priv->change_source, g_source_remove);
  if (priv->store_signals != NULL)
    g_signal_group_set_target (priv->store_signals, NULL);
  g_clear_object (&priv->store_signals);
  g_clear_object (&priv->store);
  g_clear_object (&priv->programme);

  G_OBJECT_CLASS (rp_area_page_parent_class)->dispose (object);
}

static void
rp_area_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RpAreaPage *self = RP_AREA_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, rp_area_page_get_store (self));
      break;

    case PROP_PROGRAMME:
      g_value_set_object (value, rp_area_page_get_programme (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_area_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RpAreaPage *self = RP_AREA_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rp_area_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_PROGRAMME:
      rp_area_page_set_programme (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
refresh_now (RpAreaPage *self)
{
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  g_clear_handle_id (&priv->refresh_source, g_source_remove);
  g_clear_handle_id (&priv->change_source, g_source_remove);
  priv->stale = FALSE;
  if (RP_AREA_PAGE_GET_CLASS (self)->refresh != NULL)
    RP_AREA_PAGE_GET_CLASS (self)->refresh (self);
}

static gboolean
refresh_when_idle (gpointer user_data)
{
  RpAreaPage *self = user_data;
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  priv->refresh_source = 0;
  refresh_now (self);
  return G_SOURCE_REMOVE;
}

static gboolean
refresh_after_change (gpointer user_data)
{
  RpAreaPage *self = user_data;
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  priv->change_source = 0;
  refresh_now (self);
  return G_SOURCE_REMOVE;
}

/* Whoever wrote it — this window, another, an import, a restore or another
 * program — the page shows what is in the database. A write touches several
 * tables: the page is read again once for them all, after the write, and a
 * page out of sight only when it is next shown. */
static void
on_store_changed (RpAreaPage *self,
                  const char *table,
                  GArray     *ids,
                  RpStore    *store)
{
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->stale = TRUE;
      return;
    }

  if (priv->change_source == 0)
    priv->change_source = g_idle_add (refresh_after_change, self);
}

static void
rp_area_page_map (GtkWidget *widget)
{
  RpAreaPage *self = RP_AREA_PAGE (widget);
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  /* A page about to be seen is filled before it is drawn. */
  if (priv->stale)
    refresh_now (self);
  rp_area_page_refresh_if_pending (self);

  GTK_WIDGET_CLASS (rp_area_page_parent_class)->map (widget);
}

static void
rp_area_page_class_init (RpAreaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = rp_area_page_map;

  object_class->dispose = rp_area_page_dispose;
  object_class->get_property = rp_area_page_get_property;
  object_class->set_property = rp_area_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL, RP_TYPE_PROGRAMME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_area_page_init (RpAreaPage *self)
{
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  priv->store_signals = g_signal_group_new (RP_TYPE_STORE);
  g_signal_group_connect_object (priv->store_signals, "changed", G_CALLBACK (on_store_changed),
                                 self, G_CONNECT_SWAPPED);
}

RpStore *
rp_area_page_get_store (RpAreaPage *self)
{
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  g_return_val_if_fail (RP_IS_AREA_PAGE (self), NULL);

  return priv->store;
}

void
rp_area_page_set_store (RpAreaPage *self,
                        RpStore    *store)
{
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  g_return_if_fail (RP_IS_AREA_PAGE (self));
  g_return_if_fail (store == NULL || RP_IS_STORE (store));

  if (g_set_object (&priv->store, store))
    {
      g_signal_group_set_target (priv->store_signals, store);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
      rp_area_page_refresh (self);
    }
}

RpProgramme *
rp_area_page_get_programme (RpAreaPage *self)
{
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  g_return_val_if_fail (RP_IS_AREA_PAGE (self), NULL);

  return priv->programme;
}

void
rp_area_page_set_programme (RpAreaPage  *self,
                            RpProgramme *programme)
{
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  g_return_if_fail (RP_IS_AREA_PAGE (self));
  g_return_if_fail (programme == NULL || RP_IS_PROGRAMME (programme));

  if (g_set_object (&priv->programme, programme))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
      rp_area_page_refresh (self);
    }
}

/**
 * rp_area_page_refresh:
 *
 * Shows the store's current data. A page out of sight is filled when it is
 * shown or when the main loop is idle, whichever comes first: the window draws
 * the area in view first, and a store and a programme set one after the other
 * fill the page once.
 */
void
rp_area_page_refresh (RpAreaPage *self)
{
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  g_return_if_fail (RP_IS_AREA_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      refresh_now (self);
      return;
    }

  if (priv->refresh_source == 0)
    priv->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_when_idle, self, NULL);
}

/**
 * rp_area_page_refresh_if_pending:
 *
 * Runs a refresh that is waiting for the page to be shown, now. The window
 * calls it for the area about to be shown, so that its reading, which runs in
 * a thread, overlaps the window's own layout rather than following it.
 */
void
rp_area_page_refresh_if_pending (RpAreaPage *self)
{
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);

  g_return_if_fail (RP_IS_AREA_PAGE (self));

  if (priv->refresh_source != 0)
    refresh_now (self);
}

/**
 * rp_area_page_load_counts:
 * @counts: (out caller-allocates): the programme's figures, all zero on failure
 *
 * Returns: %TRUE if a programme is shown and its figures were read
 */
gboolean
rp_area_page_load_counts (RpAreaPage        *self,
                          RpProgrammeCounts *counts)
{
  RpAreaPagePrivate *priv = rp_area_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RP_IS_AREA_PAGE (self), FALSE);

  memset (counts, 0, sizeof *counts);

  if (priv->store == NULL || priv->programme == NULL)
    return FALSE;

  if (!rp_store_get_counts (priv->store, rp_programme_get_id (priv->programme), counts, &error))
    {
      /* The window finds and reports a damaged file; the counts stay empty,
       * but why is logged: zeros must not pass for the programme's counts. */
      g_message ("Could not count the programme’s records: %s", error->message);
      return FALSE;
    }

  return TRUE;
}
