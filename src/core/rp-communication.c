/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-communication.c: a person's communication needs, as the Accessible Information Standard asks
 *
 * The NHS Accessible Information Standard (DCB1605) asks that each person's
 * communication needs are recorded in a clear, standard way and flagged
 * wherever their record is used. This file owns the standard part: the
 * keys the database and the CSV file hold, their words for people, and the
 * one-line flag every screen about the person shows. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-communication.h"
#include "rp-error.h"
#include "rp-validate.h"

typedef struct
{
  RpCommunicationNeeds  need;
  const char           *key;
  const char           *label;  /* for the form */
  const char           *flag;   /* for the banner, short */
} NeedInfo;

static const NeedInfo needs_table[RP_COMMUNICATION_N_NEEDS] = {
  { RP_COMMUNICATION_EASY_READ,   "easy-read",   N_("Easy read, with pictures"),          N_("Easy read") },
  { RP_COMMUNICATION_LARGE_PRINT, "large-print", N_("Large print"),                       N_("Large print") },
  { RP_COMMUNICATION_BSL,         "bsl",         N_("British Sign Language interpreter"), N_("BSL interpreter") },
  { RP_COMMUNICATION_MAKATON,     "makaton",     N_("Makaton"),                           N_("Makaton") },
  { RP_COMMUNICATION_READER,      "reader",      N_("Needs someone to read it to them"),  N_("Needs someone to read it") },
  { RP_COMMUNICATION_INTERPRETER, "interpreter", N_("Spoken-language interpreter"),       N_("Interpreter") },
};

typedef struct
{
  const char *key;
  const char *label;
  const char *flag;
} MethodInfo;

static const MethodInfo methods[RP_PREFERRED_CONTACT_N] = {
  [RP_PREFERRED_CONTACT_NONE]       = { NULL,         N_("Not said"),     NULL },
  [RP_PREFERRED_CONTACT_LETTER]     = { "letter",     N_("Letter"),       N_("Prefers letters") },
  [RP_PREFERRED_CONTACT_PHONE]      = { "phone",      N_("Phone"),        N_("Prefers phone") },
  [RP_PREFERRED_CONTACT_TEXT]       = { "text",       N_("Text message"), N_("Prefers text messages") },
  [RP_PREFERRED_CONTACT_EMAIL]      = { "email",      N_("Email"),        N_("Prefers email") },
  [RP_PREFERRED_CONTACT_VISIT]      = { "visit",      N_("Visit"),        N_("Prefers visits") },
  [RP_PREFERRED_CONTACT_VIDEO_CALL] = { "video-call", N_("Video call"),   N_("Prefers video calls") },
};

static const NeedInfo *
need_info (RpCommunicationNeeds need)
{
  for (guint i = 0; i < G_N_ELEMENTS (needs_table); i++)
    if (needs_table[i].need == need)
      return &needs_table[i];

  return NULL;
}

/* "Large Print", " large_print " and "large print" are all "large-print":
 * a file typed by hand or exported from elsewhere still reads. */
static char *
fold_key (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *folded = g_utf8_strdown (trimmed, -1);

  for (char *p = folded; *p != '\0'; p++)
    if (*p == ' ' || *p == '_')
      *p = '-';
  return folded;
}

/**
 * rp_communication_need_nth:
 * @n: from 0 to %RP_COMMUNICATION_N_NEEDS - 1
 *
 * Returns: the @n-th need, in the order forms list them and keys are written
 */
RpCommunicationNeeds
rp_communication_need_nth (guint n)
{
  g_return_val_if_fail (n < G_N_ELEMENTS (needs_table), RP_COMMUNICATION_NONE);

  return needs_table[n].need;
}

/**
 * rp_communication_need_to_string:
 * @need: one need
 *
 * Returns: its stable key, as the database and the CSV file hold it: "large-print"
 */
const char *
rp_communication_need_to_string (RpCommunicationNeeds need)
{
  const NeedInfo *info = need_info (need);

  g_return_val_if_fail (info != NULL, NULL);
  return info->key;
}

/**
 * rp_communication_need_get_label:
 * @need: one need
 *
 * Returns: its name for a form, translated: "Large print"
 */
const char *
rp_communication_need_get_label (RpCommunicationNeeds need)
{
  const NeedInfo *info = need_info (need);

  g_return_val_if_fail (info != NULL, NULL);
  return _(info->label);
}

static char *
known_keys (void)
{
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (needs_table); i++)
    {
      if (i > 0)
        g_string_append (keys, i + 1 < G_N_ELEMENTS (needs_table) ? ", " : _(" or "));
      g_string_append (keys, needs_table[i].key);
    }
  return g_string_free (keys, FALSE);
}

/**
 * rp_communication_needs_parse:
 * @text: (nullable): a comma list of keys; %NULL or empty for none
 * @needs: (out): the needs
 *
 * Reads the keys in any order, case or spacing; a key repeated counts once.
 *
 * Returns: %FALSE with a message naming the word, for one not known
 */
gboolean
rp_communication_needs_parse (const char           *text,
                              RpCommunicationNeeds *needs,
                              GError              **error)
{
  g_auto(GStrv) parts = NULL;
  RpCommunicationNeeds found = RP_COMMUNICATION_NONE;

  g_return_val_if_fail (needs != NULL, FALSE);

  *needs = RP_COMMUNICATION_NONE;
  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *key = fold_key (parts[i]);
      gboolean known = FALSE;

      if (key[0] == '\0')
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (needs_table) && !known; j++)
        if (strcmp (key, needs_table[j].key) == 0)
          {
            found |= needs_table[j].need;
            known = TRUE;
          }

      if (!known)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (parts[i]));
          g_autofree char *shown = rp_quote_value (stripped);
          g_autofree char *keys = known_keys ();

          g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                       /* Translators: "“braille” is not a communication need Reprovision knows. Use easy-read, large-print, … or interpreter." */
                       _("“%s” is not a communication need Reprovision knows. Use %s."),
                       shown, keys);
          return FALSE;
        }
    }

  *needs = found;
  return TRUE;
}

/**
 * rp_communication_needs_to_string:
 *
 * Returns: (transfer full) (nullable): the canonical comma list of keys, in
 *   the standard order; %NULL for none
 */
char *
rp_communication_needs_to_string (RpCommunicationNeeds needs)
{
  GString *out = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (needs_table); i++)
    if (needs & needs_table[i].need)
      {
        if (out == NULL)
          out = g_string_new (NULL);
        else
          g_string_append_c (out, ',');
        g_string_append (out, needs_table[i].key);
      }

  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

/**
 * rp_communication_needs_normalise:
 * @text: (nullable): a comma list of keys, as a person or a file wrote it
 *
 * Returns: (transfer full) (nullable): the canonical list, or %NULL for none
 *   (with @error unset) or for a key not known (with @error set)
 */
char *
rp_communication_needs_normalise (const char  *text,
                                  GError     **error)
{
  RpCommunicationNeeds needs;

  if (!rp_communication_needs_parse (text, &needs, error))
    return NULL;
  return rp_communication_needs_to_string (needs);
}

const char *
rp_preferred_contact_to_string (RpPreferredContact method)
{
  g_return_val_if_fail (method < RP_PREFERRED_CONTACT_N, NULL);

  return methods[method].key;
}

/**
 * rp_preferred_contact_get_label:
 *
 * Returns: the method for a form, translated: "Text message"
 */
const char *
rp_preferred_contact_get_label (RpPreferredContact method)
{
  g_return_val_if_fail (method < RP_PREFERRED_CONTACT_N, NULL);

  return _(methods[method].label);
}

/**
 * rp_preferred_contact_parse:
 * @text: (nullable): a key such as "video-call"; %NULL or empty for none
 *
 * Returns: %FALSE with a message a person understands for a key not known
 */
gboolean
rp_preferred_contact_parse (const char      *text,
                         RpPreferredContact *method,
                         GError         **error)
{
  g_autofree char *key = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (method != NULL, FALSE);

  *method = RP_PREFERRED_CONTACT_NONE;
  if (text == NULL || (key = fold_key (text))[0] == '\0')
    return TRUE;

  for (RpPreferredContact m = RP_PREFERRED_CONTACT_LETTER; m < RP_PREFERRED_CONTACT_N; m++)
    if (strcmp (key, methods[m].key) == 0)
      {
        *method = m;
        return TRUE;
      }

  shown = rp_quote_value (text);
  g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
               _("“%s” is not a way of contacting someone that Reprovision knows. Use letter, phone, text, email, visit or video-call."),
               shown);
  return FALSE;
}

/**
 * rp_communication_check:
 * @needs: (nullable): the comma list of keys
 * @language: (nullable): the interpreter's language
 * @preferred: (nullable): the preferred contact method's key
 * @whose: whose needs, for the message: "the person", "their family contact"
 *
 * Returns: %FALSE with a message a person understands when a key is not
 *   known, or an interpreter is needed without saying for which language
 */
gboolean
rp_communication_check (const char  *needs,
                        const char  *language,
                        const char  *preferred,
                        const char  *whose,
                        GError     **error)
{
  RpCommunicationNeeds parsed;
  RpPreferredContact method;
  g_autofree char *trimmed = g_strstrip (g_strdup (language != NULL ? language : ""));

  g_return_val_if_fail (whose != NULL, FALSE);

  if (!rp_communication_needs_parse (needs, &parsed, error) ||
      !rp_preferred_contact_parse (preferred, &method, error) ||
      !rp_check_text (language, RP_SHORT_TEXT_MAX, _("The interpreter’s language"), error))
    return FALSE;

  if ((parsed & RP_COMMUNICATION_INTERPRETER) && trimmed[0] == '\0')
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   /* Translators: "Say which language the interpreter for their family contact speaks." */
                   _("Say which language the interpreter for %s speaks."), whose);
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_communication_language_is_english:
 * @language: (nullable): a language as typed
 *
 * Returns: whether @language is English or not given: anything else is
 *   flagged to the coordinator, never guessed or translated
 */
gboolean
rp_communication_language_is_english (const char *language)
{
  g_autofree char *folded = NULL;
  g_autofree char *trimmed = NULL;

  if (language == NULL)
    return TRUE;

  trimmed = g_strstrip (g_strdup (language));
  folded = g_utf8_casefold (trimmed, -1);
  return folded[0] == '\0' || g_str_has_prefix (folded, "english");
}

/**
 * rp_communication_flag_text:
 *
 * The one line every screen about the person shows: "Large print · BSL
 * interpreter · Prefers phone". Unknown keys are left out, never guessed.
 *
 * Returns: (transfer full) (nullable): the flag, or %NULL when nothing is recorded
 */
char *
rp_communication_flag_text (const char *needs,
                            const char *language,
                            const char *preferred)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lang = g_strstrip (g_strdup (language != NULL ? language : ""));
  RpCommunicationNeeds parsed = RP_COMMUNICATION_NONE;
  RpPreferredContact method = RP_PREFERRED_CONTACT_NONE;

  rp_communication_needs_parse (needs, &parsed, NULL);
  rp_preferred_contact_parse (preferred, &method, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (needs_table); i++)
    {
      if (!(parsed & needs_table[i].need))
        continue;
      if (needs_table[i].need == RP_COMMUNICATION_INTERPRETER && lang[0] != '\0')
        /* Translators: "Polish interpreter", in the banner */
        g_ptr_array_add (parts, g_strdup_printf (_("%s interpreter"), lang));
      else
        g_ptr_array_add (parts, g_strdup (_(needs_table[i].flag)));
    }

  if (!(parsed & RP_COMMUNICATION_INTERPRETER) && lang[0] != '\0')
    /* Translators: a language recorded without an interpreter: "Language: Polish" */
    g_ptr_array_add (parts, g_strdup_printf (_("Language: %s"), lang));

  if (method != RP_PREFERRED_CONTACT_NONE)
    g_ptr_array_add (parts, g_strdup (_(methods[method].flag)));

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static const struct
{
  const char *key;
  const char *label;
} formats[] = {
  [RP_SCHEDULE_FORMAT_PLAIN]       = { "plain",       N_("Plain") },
  [RP_SCHEDULE_FORMAT_LARGE_PRINT] = { "large-print", N_("Large print") },
  [RP_SCHEDULE_FORMAT_EASY_READ]   = { "easy-read",   N_("Easy read with pictures") },
};

const char *
rp_schedule_format_to_string (RpScheduleFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].key;
}

const char *
rp_schedule_format_get_label (RpScheduleFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return _(formats[format].label);
}

gboolean
rp_schedule_format_parse (const char        *text,
                          RpScheduleFormat  *format,
                          GError           **error)
{
  g_autofree char *key = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  key = fold_key (text);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (strcmp (key, formats[i].key) == 0)
      {
        *format = i;
        return TRUE;
      }

  shown = rp_quote_value (text);
  g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
               _("“%s” is not a schedule format. Use plain, large-print or easy-read."), shown);
  return FALSE;
}

/**
 * rp_schedule_format_for_needs:
 * @needs: (nullable): the person's needs
 * @contact_needs: (nullable): their family contact's needs
 *
 * The sheet is for both of them, so it follows whichever needs more:
 * easy read (which is also printed large), then large print, else plain.
 */
RpScheduleFormat
rp_schedule_format_for_needs (const char *needs,
                              const char *contact_needs)
{
  RpCommunicationNeeds a = RP_COMMUNICATION_NONE, b = RP_COMMUNICATION_NONE;

  rp_communication_needs_parse (needs, &a, NULL);
  rp_communication_needs_parse (contact_needs, &b, NULL);

  if ((a | b) & RP_COMMUNICATION_EASY_READ)
    return RP_SCHEDULE_FORMAT_EASY_READ;
  if ((a | b) & RP_COMMUNICATION_LARGE_PRINT)
    return RP_SCHEDULE_FORMAT_LARGE_PRINT;
  return RP_SCHEDULE_FORMAT_PLAIN;
}
