#!/usr/bin/env python3
"""Builds DNA databases for the tests (tests/import/dna/): DNA 3's schema as
DNA 3.0.7 writes it (the CREATE TABLE statements of DNA's
dna/src/main/java/sql/Sql.java, copied from the sample database's
sqlite_master), a DNA 2 style schema, and helpers to add coders, statement
types, variables, documents, entities and statements. Python's sqlite3 only;
nothing here reads factnet's code."""
import datetime
import sqlite3

DNA3_SCHEMA = """
CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL);
CREATE TABLE CODERS(ID INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL CHECK (LENGTH(Name) < 191), Red INTEGER NOT NULL DEFAULT 0 CHECK (Red BETWEEN 0 AND 255), Green INTEGER NOT NULL DEFAULT 0 CHECK (Green BETWEEN 0 AND 255), Blue INTEGER NOT NULL DEFAULT 0 CHECK (Blue BETWEEN 0 AND 255), Refresh INTEGER NOT NULL CHECK (Refresh BETWEEN 0 AND 9999) DEFAULT 0, FontSize INTEGER NOT NULL CHECK (FontSize BETWEEN 1 AND 99) DEFAULT 14, Password TEXT NOT NULL CHECK (LENGTH(Password) < 191), PopupWidth INTEGER CHECK (PopupWidth BETWEEN 100 AND 9999) DEFAULT 300, ColorByCoder INTEGER NOT NULL CHECK (ColorByCoder BETWEEN 0 AND 1) DEFAULT 0, PopupDecoration INTEGER NOT NULL CHECK (PopupDecoration BETWEEN 0 AND 1) DEFAULT 0, PopupAutoComplete INTEGER NOT NULL CHECK (PopupAutoComplete BETWEEN 0 AND 1) DEFAULT 1, PermissionAddDocuments INTEGER NOT NULL CHECK (PermissionAddDocuments BETWEEN 0 AND 1) DEFAULT 1, PermissionEditDocuments INTEGER NOT NULL CHECK (PermissionEditDocuments BETWEEN 0 AND 1) DEFAULT 1, PermissionDeleteDocuments INTEGER NOT NULL CHECK (PermissionDeleteDocuments BETWEEN 0 AND 1) DEFAULT 1, PermissionImportDocuments INTEGER NOT NULL CHECK (PermissionImportDocuments BETWEEN 0 AND 1) DEFAULT 1, PermissionAddStatements INTEGER NOT NULL CHECK (PermissionAddStatements BETWEEN 0 AND 1) DEFAULT 1, PermissionEditStatements INTEGER NOT NULL CHECK (PermissionEditStatements BETWEEN 0 AND 1) DEFAULT 1, PermissionDeleteStatements INTEGER NOT NULL CHECK (PermissionDeleteStatements BETWEEN 0 AND 1) DEFAULT 1, PermissionEditAttributes INTEGER NOT NULL CHECK (PermissionEditAttributes BETWEEN 0 AND 1) DEFAULT 1, PermissionEditRegex INTEGER NOT NULL CHECK (PermissionEditRegex BETWEEN 0 AND 1) DEFAULT 1, PermissionEditStatementTypes INTEGER NOT NULL CHECK (PermissionEditStatementTypes BETWEEN 0 AND 1) DEFAULT 1, PermissionEditCoders INTEGER NOT NULL CHECK (PermissionEditCoders BETWEEN 0 AND 1) DEFAULT 1, PermissionEditCoderRelations INTEGER NOT NULL CHECK (PermissionEditCoderRelations BETWEEN 0 AND 1) DEFAULT 1, PermissionViewOthersDocuments INTEGER NOT NULL CHECK (PermissionViewOthersDocuments BETWEEN 0 AND 1) DEFAULT 1, PermissionEditOthersDocuments INTEGER NOT NULL CHECK (PermissionEditOthersDocuments BETWEEN 0 AND 1) DEFAULT 1, PermissionViewOthersStatements INTEGER NOT NULL CHECK (PermissionViewOthersStatements BETWEEN 0 AND 1) DEFAULT 1, PermissionEditOthersStatements INTEGER NOT NULL CHECK (PermissionEditOthersStatements BETWEEN 0 AND 1) DEFAULT 1);
CREATE TABLE DOCUMENTS(ID INTEGER NOT NULL PRIMARY KEY, Title TEXT NOT NULL CHECK (LENGTH(Title) < 191), Text TEXT NOT NULL, Coder INTEGER, Author TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Author) < 191), Source TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Source) < 191), Section TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Section) < 191), Notes TEXT NOT NULL DEFAULT '', Type TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Type) < 191), Date INTEGER NOT NULL, FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE);
CREATE TABLE STATEMENTTYPES(ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL CHECK (LENGTH(Label) < 191), Red INTEGER NOT NULL DEFAULT 0 CHECK (Red BETWEEN 0 AND 255), Green INTEGER NOT NULL DEFAULT 0 CHECK (Green BETWEEN 0 AND 255), Blue INTEGER NOT NULL DEFAULT 0 CHECK (Blue BETWEEN 0 AND 255));
CREATE TABLE VARIABLES(ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT NOT NULL CHECK (LENGTH(Variable) < 191), DataType TEXT NOT NULL CHECK (DataType = 'boolean' OR DataType = 'integer' OR DataType = 'long text' OR DataType = 'short text') DEFAULT 'short text', StatementTypeId INTEGER, FOREIGN KEY(StatementTypeId) REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE, UNIQUE (Variable, StatementTypeId));
CREATE TABLE VARIABLELINKS(ID INTEGER NOT NULL PRIMARY KEY, SourceVariableId INTEGER, TargetVariableId INTEGER, CHECK (TargetVariableId != SourceVariableId), FOREIGN KEY(SourceVariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE, FOREIGN KEY(TargetVariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE);
CREATE TABLE REGEXES(Label TEXT PRIMARY KEY CHECK (LENGTH(Label) < 191), Red INTEGER NOT NULL DEFAULT 0 CHECK (Red BETWEEN 0 AND 255), Green INTEGER NOT NULL DEFAULT 0 CHECK (Green BETWEEN 0 AND 255), Blue INTEGER NOT NULL DEFAULT 0 CHECK (Blue BETWEEN 0 AND 255));
CREATE TABLE CODERRELATIONS(ID INTEGER NOT NULL PRIMARY KEY, Coder INTEGER CHECK(Coder > 0), OtherCoder INTEGER CHECK(OtherCoder > 0), viewStatements INTEGER NOT NULL DEFAULT 1 CHECK(viewStatements BETWEEN 0 AND 1), editStatements INTEGER NOT NULL DEFAULT 1 CHECK(editStatements BETWEEN 0 AND 1), viewDocuments INTEGER NOT NULL DEFAULT 1 CHECK(viewDocuments BETWEEN 0 AND 1), editDocuments INTEGER NOT NULL DEFAULT 1 CHECK(editDocuments BETWEEN 0 AND 1), CHECK (Coder != OtherCoder), FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE, FOREIGN KEY(OtherCoder) REFERENCES CODERS(ID) ON DELETE CASCADE);
CREATE TABLE STATEMENTS(ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER, Start INTEGER NOT NULL CHECK(Start >= 0), Stop INTEGER NOT NULL CHECK(Stop >= 0), Coder INTEGER, CHECK (Start < Stop), FOREIGN KEY(StatementTypeId) REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE, FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE, FOREIGN KEY(DocumentId) REFERENCES DOCUMENTS(ID) ON DELETE CASCADE);
CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL, Value INTEGER NOT NULL DEFAULT 1, FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE, FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE, UNIQUE (StatementId, VariableId));
CREATE TABLE DATAINTEGER(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL, Value INTEGER NOT NULL DEFAULT 0, FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE, FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE, UNIQUE (StatementId, VariableId));
CREATE TABLE ENTITIES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL, Value TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Value) < 191), Red INTEGER CHECK (Red BETWEEN 0 AND 255), Green INTEGER CHECK (Green BETWEEN 0 AND 255), Blue INTEGER CHECK (Blue BETWEEN 0 AND 255), ChildOf INTEGER CHECK(ChildOf > 0), UNIQUE (VariableId, Value), FOREIGN KEY(ChildOf) REFERENCES ENTITIES(ID) ON DELETE CASCADE, FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE);
CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL, Entity INTEGER NOT NULL, FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE, FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE, FOREIGN KEY(Entity) REFERENCES ENTITIES(ID) ON DELETE CASCADE, UNIQUE (StatementId, VariableId));
CREATE TABLE DATALONGTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL, Value TEXT DEFAULT '', FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE, FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE, UNIQUE (StatementId, VariableId));
CREATE TABLE ATTRIBUTEVARIABLES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL, AttributeVariable TEXT NOT NULL CHECK (LENGTH(AttributeVariable) < 191), UNIQUE(VariableId, AttributeVariable), FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE);
CREATE TABLE ATTRIBUTEVALUES(ID INTEGER PRIMARY KEY NOT NULL, EntityId INTEGER NOT NULL, AttributeVariableId INTEGER NOT NULL, AttributeValue TEXT NOT NULL DEFAULT '' CHECK (LENGTH(AttributeValue) < 191), UNIQUE (EntityId, AttributeVariableId), FOREIGN KEY(EntityId) REFERENCES ENTITIES(ID) ON DELETE CASCADE, FOREIGN KEY(AttributeVariableId) REFERENCES ATTRIBUTEVARIABLES(ID) ON DELETE CASCADE);
"""

# DNA 2 (2.0 beta): STATEMENTTYPE (singular), values in DATASHORTTEXT, no
# ENTITIES or STATEMENTTYPES table.
DNA2_SCHEMA = """
CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL);
CREATE TABLE DOCUMENTS(ID INTEGER PRIMARY KEY, Title TEXT, Text TEXT,
  Coder INTEGER, Author TEXT, Source TEXT, Section TEXT, Notes TEXT,
  Type TEXT, Date INTEGER);
CREATE TABLE STATEMENTTYPE(ID INTEGER PRIMARY KEY, Label TEXT, Red INTEGER,
  Green INTEGER, Blue INTEGER);
CREATE TABLE VARIABLES(ID INTEGER PRIMARY KEY, Variable TEXT, DataType TEXT,
  StatementTypeId INTEGER);
CREATE TABLE STATEMENTS(ID INTEGER PRIMARY KEY, StatementTypeId INTEGER,
  DocumentId INTEGER, Start INTEGER, Stop INTEGER, Coder INTEGER);
CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY, StatementId INTEGER,
  VariableId INTEGER, StatementTypeId INTEGER, Value TEXT);
CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY, StatementId INTEGER,
  VariableId INTEGER, StatementTypeId INTEGER, Value INTEGER);
INSERT INTO SETTINGS VALUES('version', '2.0 beta 25');
"""


def epoch(y, m, d):
    """DNA's document date: seconds since the epoch, UTC."""
    return int(datetime.datetime(y, m, d, tzinfo=datetime.timezone.utc)
               .timestamp())


def utf16_span(text, fragment, nth=0):
    """[start, stop) of the nth occurrence of fragment in text, in Java's
    UTF-16 code units (DNA's offsets)."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(fragment, i + 1)
    units = lambda s: len(s.encode("utf-16-le")) // 2
    start = units(text[:i])
    return start, start + units(fragment)


class Db:
    """A DNA 3 database being written (page size 512 to keep files small)."""

    def __init__(self, path, version="3.0.7"):
        self.con = sqlite3.connect(path)
        self.con.execute("PRAGMA page_size = 512")
        self.con.executescript(DNA3_SCHEMA)
        self.con.execute("INSERT INTO SETTINGS VALUES('version', ?)",
                         (version,))
        self.con.execute("INSERT INTO CODERS(ID, Name, Password) "
                         "VALUES(1, 'Admin', '')")

    def coder(self, id_, name):
        self.con.execute("INSERT INTO CODERS(ID, Name, Password) "
                         "VALUES(?, ?, '')", (id_, name))

    def stype(self, id_, label, variables):
        """variables: [(name, DataType)]; returns {name: variable id}."""
        self.con.execute("INSERT INTO STATEMENTTYPES(ID, Label) VALUES(?, ?)",
                         (id_, label))
        ids = {}
        for name, dtype in variables:
            cur = self.con.execute(
                "INSERT INTO VARIABLES(Variable, DataType, StatementTypeId) "
                "VALUES(?, ?, ?)", (name, dtype, id_))
            ids[name] = cur.lastrowid
        return ids

    def document(self, id_, title, text, date, coder=1, author="",
                 source="", section="", type_=""):
        self.con.execute(
            "INSERT INTO DOCUMENTS(ID, Title, Text, Coder, Author, Source, "
            "Section, Type, Date) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (id_, title, text, coder, author, source, section, type_, date))

    def entity(self, var, value):
        row = self.con.execute("SELECT ID FROM ENTITIES WHERE VariableId = ? "
                               "AND Value = ?", (var, value)).fetchone()
        if row:
            return row[0]
        return self.con.execute("INSERT INTO ENTITIES(VariableId, Value) "
                                "VALUES(?, ?)", (var, value)).lastrowid

    def attribute(self, var, name, value_of):
        """An attribute variable of var; value_of: {entity value: value}."""
        aid = self.con.execute(
            "INSERT INTO ATTRIBUTEVARIABLES(VariableId, AttributeVariable) "
            "VALUES(?, ?)", (var, name)).lastrowid
        for value, v in value_of.items():
            self.con.execute(
                "INSERT INTO ATTRIBUTEVALUES(EntityId, AttributeVariableId, "
                "AttributeValue) VALUES(?, ?, ?)",
                (self.entity(var, value), aid, v))

    def statement(self, id_, stype, doc, span, coder, values):
        """values: {variable id: (DataType, value)}."""
        self.con.execute(
            "INSERT INTO STATEMENTS(ID, StatementTypeId, DocumentId, Start, "
            "Stop, Coder) VALUES(?, ?, ?, ?, ?, ?)",
            (id_, stype, doc, span[0], span[1], coder))
        for var, (dtype, value) in values.items():
            if dtype == "short text":
                self.con.execute(
                    "INSERT INTO DATASHORTTEXT(StatementId, VariableId, "
                    "Entity) VALUES(?, ?, ?)",
                    (id_, var, self.entity(var, value)))
            else:
                table = {"boolean": "DATABOOLEAN",
                         "integer": "DATAINTEGER"}[dtype]
                self.con.execute(
                    "INSERT INTO %s(StatementId, VariableId, Value) "
                    "VALUES(?, ?, ?)" % table, (id_, var, value))

    def close(self):
        self.con.commit()
        self.con.close()


def dna2(path):
    con = sqlite3.connect(path)
    con.executescript(DNA2_SCHEMA)
    con.commit()
    con.close()


# The text of the built fixture's documents: non-ASCII before the spans,
# one character outside the Basic Multilingual Plane (two UTF-16 units in
# Java, one code point, four UTF-8 bytes) and white space DNA keeps.
TEXTS = {
    1: "Hearing \U0001F600 opened. Greenpeace: Nuclear power is not the "
       "answer.\nEDF said: nuclear power is the answer, and CO\u2082 limits "
       "work.",
    2: "Caf\u00e9 debate. Greenpeace: CO\u2082 limits work!  EDF: "
       "nuclear power is the answer.",
    3: "A year later. Greenpeace: nuclear power is not the answer. "
       "Sierra Club agreed.",
}


def make_built(path):
    """A DNA 3 database with an integer qualifier (-2 .. 2) and documents
    dated across years (2010-01, 2010-02, 2011-01), for the importer
    tests and part A's duplicates by month. Returns the statements of type
    'Stance' as tuples (id, doc, actor, concept, level, fragment); the
    others (an empty actor, a missing concept, another type) are left out
    by the importer."""
    db = Db(path)
    db.coder(2, "Ana")
    db.coder(3, "Bo")
    v = db.stype(1, "Stance", [("organization", "short text"),
                               ("concept", "short text"),
                               ("level", "integer"),
                               ("agree", "boolean")])
    db.stype(2, "DNA Statement", [("person", "short text"),
                                  ("organization", "short text"),
                                  ("concept", "short text"),
                                  ("agreement", "boolean")])
    db.document(1, "Hearing", TEXTS[1], epoch(2010, 1, 15), author="Clerk",
                source="Record", section="A1", type_="hearing")
    db.document(2, "Debate", TEXTS[2], epoch(2010, 2, 3))
    db.document(3, "Hearing 2", TEXTS[3], epoch(2011, 1, 20))
    rows = [
        (1, 1, "Greenpeace", "nuclear power", -2,
         "Nuclear power is not the answer."),
        (2, 1, "EDF", "nuclear power", 2, "nuclear power is the answer"),
        (3, 1, "EDF", "CO\u2082 limits", 1, "CO\u2082 limits work."),
        (4, 2, "Greenpeace", "CO\u2082 limits", 2, "CO\u2082 limits work!"),
        (5, 2, "EDF", "nuclear power", 2, "nuclear power is the answer."),
        (6, 3, "Greenpeace", "nuclear power", -2,
         "nuclear power is not the answer."),
        (7, 3, "Sierra Club", "nuclear power", -1, "Sierra Club agreed."),
    ]
    for sid, doc, org, concept, level, frag in rows:
        db.statement(sid, 1, doc, utf16_span(TEXTS[doc], frag),
                     2 if sid % 2 else 3,
                     {v["organization"]: ("short text", org),
                      v["concept"]: ("short text", concept),
                      v["level"]: ("integer", level)})
    # Left out: an empty organization, a missing concept.
    db.statement(8, 1, 1, utf16_span(TEXTS[1], "Hearing"), 2,
                 {v["organization"]: ("short text", ""),
                  v["concept"]: ("short text", "nuclear power"),
                  v["level"]: ("integer", 0)})
    db.statement(9, 1, 2, utf16_span(TEXTS[2], "debate"), 2,
                 {v["organization"]: ("short text", "EDF")})
    db.attribute(v["organization"], "Type",
                 {"Greenpeace": "NGO", "EDF": "Business", "Sierra Club": ""})
    db.close()
    return rows
