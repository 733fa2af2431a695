/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-cli-team.h: "reprovision-cli team", setting up a team database */
#pragma once

int rp_cli_command_team (int argc, char **argv);
