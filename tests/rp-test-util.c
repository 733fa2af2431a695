/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-test-util.c: running reprovision-cli as a user does, for the tests */

#include <sys/wait.h>

#include "rp-test-util.h"

void
rp_test_cli_result_clear (RpCliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

void
rp_test_run_cli (RpCliResult *result,
                 const char  *first_arg,
                 ...)
{
  va_list ap;

  va_start (ap, first_arg);
  rp_test_run_cli_valist (result, first_arg, ap);
  va_end (ap);
}

void
rp_test_run_cli_valist (RpCliResult *result,
                        const char  *first_arg,
                        va_list      ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("REPROVISION_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &result->out, &result->err, &wait_status, &error));
  g_assert_no_error (error);
  result->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/**
 * rp_test_cli_output:
 * @err_out: (out) (optional): what it printed on standard error
 *
 * Returns: (transfer full): what it printed on standard output
 */
char *
rp_test_cli_output (int          expected_status,
                    char       **err_out,
                    const char  *first_arg,
                    ...)
{
  g_auto(RpCliResult) result = { 0 };
  va_list ap;

  va_start (ap, first_arg);
  rp_test_run_cli_valist (&result, first_arg, ap);
  va_end (ap);

  if (result.status != expected_status)
    g_test_fail_printf ("reprovision-cli %s exited with %d, expected %d: %s", first_arg,
                        result.status, expected_status, result.err);
  if (err_out != NULL)
    *err_out = g_steal_pointer (&result.err);
  return g_steal_pointer (&result.out);
}
