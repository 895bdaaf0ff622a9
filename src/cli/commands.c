/* commands.c - the command table (sorted by name) and what factnet does. */
#include "cli/cli.h"

const fnet_command fnet_commands[] = {
    {"agree", fnet_cmd_agree,
     "intercoder reliability of several codings of the same sources"},
    {"balance", fnet_cmd_balance,
     "structural balance: triangles by sign, with their evidence"},
    {"build", fnet_cmd_build,
     "write diagrams, metrics and summaries for every corpus"},
    {"check", fnet_cmd_check, "validate fact files and print a summary"},
    {"dot", fnet_cmd_dot, "the relationship diagram as Graphviz DOT"},
    {"evidence", fnet_cmd_evidence,
     "the facts, quotes and sources behind every edge"},
    {"evolve", fnet_cmd_evolve,
     "the network period by period: metrics, ranks, communities"},
    {"export", fnet_cmd_export,
     "the graph for Gephi, Cytoscape, NetworkX, R, Pajek, Neo4j"},
    {"methods", fnet_cmd_methods,
     "a methods paragraph of the run, with its BibTeX"},
    {"metrics", fnet_cmd_metrics, "node and graph metrics as a table"},
    {"render", fnet_cmd_render, "the diagram rendered to SVG, PDF or PNG"},
    {"report", fnet_cmd_report,
     "one interactive HTML page: diagram, metrics, evidence"},
    {0},
};

const char fnet_cli_about[] =
    "Turns annotated facts about actors, agreements and strategies into\n"
    "relationship graphs, network metrics and diagrams.";
