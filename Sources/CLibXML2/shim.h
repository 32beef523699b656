#ifndef SHEAF_CLIBXML2_SHIM_H
#define SHEAF_CLIBXML2_SHIM_H
// libxml2 for Sheaf. Debian's headers pull in ICU when LIBXML_ICU_ENABLED is set, which clashes with
// Foundation's own ICU module; Sheaf never uses libxml2's ICU encoders, so the flag is dropped here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// xmlFree is a global function pointer, which Swift 6 treats as shared mutable state.
static inline void sheaf_xml_free(void *p) { xmlFree(p); }

static void sheaf_xml_silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void sheaf_xml_silent_structured(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }

/// Initialises libxml2 once and routes all of its error output to no-ops (Sheaf reports problems itself).
static inline void sheaf_xml_init(void) {
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, sheaf_xml_silent_generic);
    xmlSetStructuredErrorFunc(NULL, sheaf_xml_silent_structured);
    xmlThrDefSetGenericErrorFunc(NULL, sheaf_xml_silent_generic);
    xmlThrDefSetStructuredErrorFunc(NULL, sheaf_xml_silent_structured);
}
#endif
