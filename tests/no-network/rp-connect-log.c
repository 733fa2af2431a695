/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-connect-log.c: an LD_PRELOAD shim for test-no-network: writes a line to
 * $RP_CONNECT_LOG for every connect() a program attempts to a network address
 * or to a PostgreSQL server's socket, then lets the connection go ahead. */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

typedef int (*ConnectFunc) (int, const struct sockaddr *, socklen_t);

static void
log_line (const char *line)
{
  const char *path = getenv ("RP_CONNECT_LOG");
  int fd;

  if (path == NULL || (fd = open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600)) < 0)
    return;
  /* One write() per line, so that lines from threads and children never interleave. */
  if (write (fd, line, strlen (line)) < 0)
    {
      /* Nothing to do: the test then sees no line and fails its control. */
    }
  close (fd);
}

int
connect (int                    fd,
         const struct sockaddr *address,
         socklen_t              length)
{
  static ConnectFunc real_connect;
  char host[INET6_ADDRSTRLEN] = "";
  char line[256] = "";

  if (real_connect == NULL)
    real_connect = (ConnectFunc) dlsym (RTLD_NEXT, "connect");

  if (address != NULL && address->sa_family == AF_INET)
    {
      const struct sockaddr_in *in = (const struct sockaddr_in *) address;

      inet_ntop (AF_INET, &in->sin_addr, host, sizeof host);
      snprintf (line, sizeof line, "inet %s %u\n", host, ntohs (in->sin_port));
    }
  else if (address != NULL && address->sa_family == AF_INET6)
    {
      const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *) address;

      inet_ntop (AF_INET6, &in6->sin6_addr, host, sizeof host);
      snprintf (line, sizeof line, "inet6 %s %u\n", host, ntohs (in6->sin6_port));
    }
  else if (address != NULL && address->sa_family == AF_UNIX &&
           strstr (((const struct sockaddr_un *) address)->sun_path, ".s.PGSQL.") != NULL)
    {
      snprintf (line, sizeof line, "postgresql %s\n", ((const struct sockaddr_un *) address)->sun_path);
    }

  if (line[0] != '\0')
    log_line (line);

  return real_connect (fd, address, length);
}
