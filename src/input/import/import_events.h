/* import_events.h - political event data (GDELT 2.0, ICEWS, ACLED,
 * POLECAT) as facts.
 *
 * One fact per event, Actor1/Source -> Actor2/Target, with the relation of
 * the event's CAMEO root code (declared on first use: "consult", "threaten",
 * ..., directed, actor -> actor), its date, a sign from the Goldstein scale
 * or ICEWS intensity (< 0: -1, else +1), weight 1 (GDELT: NumMentions with
 * --event-weight mentions) and the event code, quad class and score as
 * attributes. Dyads are aggregated by the graph layer, not here. Rows with a
 * blank actor are skipped and counted in one warning per file.
 *
 * GDELT 2.0 event files ("*.export.CSV"): tab-separated, no header, 61
 * columns (codebook V2.0): GLOBALEVENTID 1, SQLDATE 2, Actor1Code 6,
 * Actor1Name 7, Actor2Code 16, Actor2Name 17, EventCode 27 (a string:
 * "010"; its first two digits are the root), QuadClass 30, GoldsteinScale
 * 31, NumMentions 32, SOURCEURL 61. Actors are entities with the CAMEO code
 * as id (the name when there is no code) and the name as label; the source
 * is the SOURCEURL.
 *
 * ICEWS event files: tab-separated with a header; Source Name, Target Name,
 * Event Date and CAMEO Code are required, Event ID, Event Text, Intensity,
 * Story ID and Publisher are used when present. Actors are entities named
 * by their name; the source is the story.
 *
 * ACLED exports (CSV from ACLED's export tool; tab or ';' separated also
 * read, by the header): actor1, actor2, event_date (2023-02-16 or 16
 * February 2023) and event_type are required. One fact actor1 -> actor2
 * per event whose relation is the event type ("battles", ...), sign -1 for
 * political violence, riots and protests, and for strategic developments
 * by sub-event type (docs/IMPORT.md), weight 1 or the fatalities
 * (--event-weight fatalities; events without any are then skipped and
 * counted), the notes as evidence, the source column as the source, and
 * the event's types, fatalities, interaction, country, location and
 * associated actors as attributes.
 *
 * POLECAT files (PLOVER-coded events as distributed on Dataverse: tab- or
 * comma-separated with a header): Actor Name, Recipient Name, Event Date
 * and Event Type are required. One fact per actor and recipient (a cell may
 * list several, "A; B"; at most FNET_MAX_EVENT_ACTORS each), whose relation
 * is the PLOVER event type ("assault", ...), sign from the Quad Code or
 * else the type's quad category (cooperation +1, conflict -1), the Event
 * Text or Headline as evidence, the story as the source; events without a
 * recipient (optional in PLOVER) are skipped and counted. */
#ifndef FNET_IMPORT_EVENTS_H
#define FNET_IMPORT_EVENTS_H

#include "core/diag.h"
#include "core/error.h"
#include "input/import/import.h"
#include "model/corpus.h"

#include <stdbool.h>
#include <stddef.h>

enum fnet_event_format {
    FNET_EVENTS_GDELT,
    FNET_EVENTS_ICEWS,
    FNET_EVENTS_ACLED,
    FNET_EVENTS_POLECAT
};

/* Imports event rows held in memory. Returns 0 when read (data problems are
 * in d), FNET_EUSAGE for a bad --event-weight, or FNET_ENOMEM; err holds
 * the message for a non-zero return. */
int fnet_import_events_buffer(fnet_corpus *c, const char *name,
                              const char *data, size_t len, int format,
                              const fnet_import_opts *o, fnet_diag *d,
                              fnet_err *err);

/* The same for one format: the fuzzing entry points. */
int fnet_import_gdelt_buffer(fnet_corpus *c, const char *name, const char *data,
                             size_t len, const fnet_import_opts *o,
                             fnet_diag *d, fnet_err *err);
int fnet_import_icews_buffer(fnet_corpus *c, const char *name, const char *data,
                             size_t len, const fnet_import_opts *o,
                             fnet_diag *d, fnet_err *err);
int fnet_import_acled_buffer(fnet_corpus *c, const char *name, const char *data,
                             size_t len, const fnet_import_opts *o,
                             fnet_diag *d, fnet_err *err);

int fnet_import_polecat_buffer(fnet_corpus *c, const char *name,
                               const char *data, size_t len,
                               const fnet_import_opts *o, fnet_diag *d,
                               fnet_err *err);

/* Reads and imports the file at path ("-": standard input). Also returns
 * FNET_EIO. */
int fnet_import_events_file(fnet_corpus *c, const char *path, int format,
                            const fnet_import_opts *o, fnet_diag *d,
                            fnet_err *err);

/* The values of --event-weight, NULL-terminated (the check, the messages
 * and the shell completions read them). */
extern const char *const fnet_import_event_weight_names[];

/* Checks --event-weight (events, mentions or fatalities). Returns 0 or
 * FNET_EUSAGE. */
int fnet_import_events_check(const fnet_import_opts *o, fnet_err *err);

/* True when a header row (tab-separated) names the ICEWS columns. */
bool fnet_import_events_is_icews(const char *line, size_t len);

/* When line looks like a GDELT event record or header that a spreadsheet
 * re-saved (61, 57 or 58 fields separated by ';', ',' or '|', or a header
 * naming GLOBALEVENTID and EventCode), appends to why what differs from
 * the files --input-format gdelt reads and returns true; else false. */
bool fnet_import_events_gdelt_near(const char *line, size_t len, fnet_buf *why);

/* True when a header row (comma, tab or ';' separated) names ACLED's
 * event_id_cnty, actor1 and actor2 columns. */
bool fnet_import_events_is_acled(const char *line, size_t len);

/* True when a header row (tab, comma or ';' separated) names POLECAT's
 * Event ID, Event Type, Actor Name and Recipient Name columns. */
bool fnet_import_events_is_polecat(const char *line, size_t len);

#endif
