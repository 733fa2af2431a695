/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-picker.c: tick attendees to book, searchable at any size of programme
 *
 * The attendees are read, searched and kept in number order in a thread by an
 * RpAttendeeList, and only the rows in sight are built, so a programme of
 * 100,000 opens as quickly as one of twenty. What is ticked is kept by
 * attendee, so a search that hides someone does not untick them. */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-attendee-picker.h"

struct _RpAttendeePicker
{
  GtkWidget       parent_instance;

  RpAttendeeList *list;
  GHashTable     *ticked;        /* attendee ids, as gint64 keys */
  GHashTable     *booked;        /* attendee ids already on the day: shown, not tickable */

  GtkSearchEntry *search_entry;
  GtkListView    *list_view;
  GtkLabel       *status_label;
};

G_DEFINE_FINAL_TYPE (RpAttendeePicker, rp_attendee_picker, GTK_TYPE_WIDGET)

enum {
  TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_status (RpAttendeePicker *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint ticked = g_hash_table_size (self->ticked);
  g_autofree char *text = NULL;

  if (!rp_attendee_list_get_loaded (self->list))
    text = g_strdup (rp_attendee_list_get_load_error (self->list) != NULL
                     ? rp_attendee_list_get_load_error (self->list)->message
                     : _("Reading the attendees…"));
  else if (shown == 0)
    {
      const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

      /* Said even with some ticked: an empty list must not look like a fault. */
      text = g_strdup (search[0] != '\0' ? _("No attendee still attending matches the search.")
                                          : _("No attendee is still attending."));
    }
  else if (ticked == 0)
    text = g_strdup (_("Tick the attendees to book."));
  else
    /* Translators: how many attendees are ticked to book */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attendee ticked", "%u attendees ticked", ticked), ticked);

  gtk_label_set_label (self->status_label, text);
}

static void
show_in_check (GtkListItem *list_item)
{
  RpAttendeePicker *self = g_object_get_data (G_OBJECT (list_item), "picker");
  GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_item_get_child (list_item));
  RpAttendee *attendee = rp_attendee_list_row_get_attendee (gtk_list_item_get_item (list_item));
  g_autofree char *label = NULL;
  gboolean booked;
  gint64 id;

  if (attendee == NULL)
    return;

  id = rp_attendee_get_id (attendee);
  booked = g_hash_table_contains (self->booked, &id);
  /* Seen as booked before ticking, rather than refused by name on saving. */
  if (booked)
    /* Translators: an attendee in the list to book, already on this taster day */
    label = g_strdup_printf (_("%d · %s — already booked"), rp_attendee_get_number (attendee),
                             rp_attendee_get_display_name (attendee));
  else
    label = g_strdup_printf ("%d · %s", rp_attendee_get_number (attendee), rp_attendee_get_display_name (attendee));
  g_object_set_data (G_OBJECT (check), "attendee-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (check), "showing", GINT_TO_POINTER (TRUE));
  gtk_check_button_set_label (check, label);
  gtk_check_button_set_active (check, booked || g_hash_table_contains (self->ticked, &id));
  gtk_widget_set_sensitive (GTK_WIDGET (check), !booked);
  g_object_set_data (G_OBJECT (check), "showing", NULL);
}

static void
on_check_toggled (GtkCheckButton   *check,
                  RpAttendeePicker *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "attendee-id"));

  /* Showing another attendee in a reused row is not a tick. */
  if (g_object_get_data (G_OBJECT (check), "showing") != NULL || id == 0)
    return;

  if (gtk_check_button_get_active (check))
    rp_attendee_picker_tick (self, id);
  else
    rp_attendee_picker_untick (self, id);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           RpAttendeePicker         *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_list_item_set_activatable (list_item, FALSE);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, 0);
  gtk_list_item_set_child (list_item, check);
}

static void
on_row_attendee_changed (GObject     *row,
                         GParamSpec  *pspec,
                         GtkListItem *list_item)
{
  show_in_check (list_item);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          RpAttendeePicker         *self)
{
  g_object_set_data (G_OBJECT (list_item), "picker", self);
  show_in_check (list_item);
  /* Rows keep their places as a search changes who is in them. */
  g_signal_connect (gtk_list_item_get_item (list_item), "notify::attendee",
                    G_CALLBACK (on_row_attendee_changed), list_item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            RpAttendeePicker         *self)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), on_row_attendee_changed, list_item);
}

static void
on_search_changed (RpAttendeePicker *self)
{
  g_object_set (rp_attendee_list_get_filter (self->list),
                "search", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), NULL);
}

static void
rp_attendee_picker_dispose (GObject *object)
{
  RpAttendeePicker *self = RP_ATTENDEE_PICKER (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_ATTENDEE_PICKER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (rp_attendee_picker_parent_class)->dispose (object);
}

static void
rp_attendee_picker_finalize (GObject *object)
{
  RpAttendeePicker *self = RP_ATTENDEE_PICKER (object);

  g_clear_pointer (&self->ticked, g_hash_table_unref);
  g_clear_pointer (&self->booked, g_hash_table_unref);

  G_OBJECT_CLASS (rp_attendee_picker_parent_class)->finalize (object);
}

static void
rp_attendee_picker_class_init (RpAttendeePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_attendee_picker_dispose;
  object_class->finalize = rp_attendee_picker_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/taster-days/rp-attendee-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, RpAttendeePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeePicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeePicker, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  /**
   * RpAttendeePicker::toggled:
   * @attendee_id: the attendee ticked or unticked
   * @ticked: whether they are ticked now
   *
   * Said once for each change, so that each person ticked can be given
   * details of their own.
   */
  signals[TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);
}

static void
rp_attendee_picker_init (RpAttendeePicker *self)
{
  g_autoptr(RpAttendeeFilter) filter = rp_attendee_filter_new ();  /* still attending, not archived */
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->ticked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->booked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->list = rp_attendee_list_new (filter);
  g_signal_connect_object (self->list, "updated", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)))));

  update_status (self);
}

/**
 * rp_attendee_picker_new:
 *
 * Lists the attendees of @programme who are still attending and not archived,
 * read in a thread.
 */
GtkWidget *
rp_attendee_picker_new (RpStore     *store,
                        RpProgramme *programme)
{
  RpAttendeePicker *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), NULL);

  self = g_object_new (RP_TYPE_ATTENDEE_PICKER, NULL);
  rp_attendee_list_load (self->list, store, rp_programme_get_id (programme));
  return GTK_WIDGET (self);
}

/**
 * rp_attendee_picker_set_booked:
 * @attendee_ids: (element-type gint64): the attendees already booked on the day
 *
 * Shows them ticked, greyed and marked "already booked", so nobody tries
 * to book them twice. Anyone among them who was ticked is unticked. Called
 * as the picker is made: rows already in sight keep their look until they
 * are shown again (a booking made meanwhile is still refused, by name).
 */
void
rp_attendee_picker_set_booked (RpAttendeePicker *self,
                               GArray           *attendee_ids)
{
  g_return_if_fail (RP_IS_ATTENDEE_PICKER (self));
  g_return_if_fail (attendee_ids != NULL);

  g_hash_table_remove_all (self->booked);
  for (guint i = 0; i < attendee_ids->len; i++)
    {
      gint64 id = g_array_index (attendee_ids, gint64, i);

      g_hash_table_add (self->booked, g_memdup2 (&id, sizeof id));
      rp_attendee_picker_untick (self, id);
    }
}

void
rp_attendee_picker_tick (RpAttendeePicker *self,
                         gint64            attendee_id)
{
  g_return_if_fail (RP_IS_ATTENDEE_PICKER (self));
  g_return_if_fail (attendee_id > 0);

  if (g_hash_table_contains (self->ticked, &attendee_id) ||
      g_hash_table_contains (self->booked, &attendee_id))
    return;

  g_hash_table_add (self->ticked, g_memdup2 (&attendee_id, sizeof attendee_id));
  update_status (self);
  g_signal_emit (self, signals[TOGGLED], 0, attendee_id, TRUE);
}

void
rp_attendee_picker_untick (RpAttendeePicker *self,
                           gint64            attendee_id)
{
  g_return_if_fail (RP_IS_ATTENDEE_PICKER (self));

  if (!g_hash_table_remove (self->ticked, &attendee_id))
    return;

  update_status (self);
  g_signal_emit (self, signals[TOGGLED], 0, attendee_id, FALSE);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * rp_attendee_picker_get_ticked:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the attendees
 *   ticked, whether or not the search shows them, in order
 */
GArray *
rp_attendee_picker_get_ticked (RpAttendeePicker *self)
{
  GArray *ids;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (RP_IS_ATTENDEE_PICKER (self), NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (self->ticked));
  g_hash_table_iter_init (&iter, self->ticked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, compare_ids);

  return ids;
}
