// The back office's route table: every page and form of central/backoffice, in one list. Paths use the same
// {param} syntax as the API's (api_routes.h, matchRoutePath); these routes are not API routes and are not
// in central/openapi.yaml. They are served on the public listener only; the kiosk listener answers 404.
#pragma once

#include <string_view>
#include <vector>

#include "central/backoffice/staff_session.h"

namespace wp {

enum class BackOfficeRouteId {
    Home,            // GET /backoffice/: to the inbox
    Inbox,           // the team's inbox
    RequestPage,     // one request: its fields, history and forms (inbox_pages.cpp)
    TakeRequest,     // assign it to me
    AssignRequest,   // assign it to a colleague of its team
    ForwardRequest,  // to another team, with a reason
    RequestStatus,   // status, public note and internal note
    PlanRequest,     // a home visit or a first talk
    ExportOpen,      // a team member's own team's open requests, CSV with personal data
    ExportCounts,    // counts per team, type, status and contact point, CSV without personal data
    StaticFile,      // backoffice.css and small scripts, cached long
    SignInPage,
    SignIn,
    SignOut,            // ends this session
    SignOutEverywhere,  // ends every session of the account
    SetupPage,          // the one-time set-up link: password and second factor
    Setup,
    Dashboard,     // the municipality's dashboard: counts and waiting times per contact point and week
    AdminTeams,    // teams and their notification targets
    SaveTeam,      // one team's notification targets
    AddTeam,       // a new team with its Dutch name
    RenameTeam,    // a team's Dutch name
    RemoveTeam,    // a team that nothing names any more
    AdminRouting,  // the routing rules
    SaveRouting,   // every rule and the default team
    AuditLog,      // the audit log, filtered and paged
    Accounts,      // admins: every account, and the form that makes one
    CreateAccount,
    Account,  // admins: one account with its last sign-ins
    DisableAccount,
    EnableAccount,
    ResetSecondFactor,  // a new set-up link: password and second factor again
    Agendas,            // appointments: the agendas the person may see
    CreateAgenda,       // admins: a new agenda, without hours until its page sets them
    AgendaPage,         // one agenda: hours, settings, days without appointments
    SaveAgenda,         // its hours and settings
    AddClosure,         // a day or part of a day without appointments
    RemoveClosure,
    AppointmentDay,  // a contact point's appointments of one day, with names (audited)
    CancelLinkPage,  // the resident's cancel link from an appointment e-mail (public, no account)
    CancelByLink,
    CancelledPage,      // "Uw afspraak is afgezegd"
    Kiosks,             // admins: every kiosk and the enroll form; coordinators: contact points with trouble
    CreateEnrollToken,  // admins: a one-time enroll token, shown once
    KioskPage,          // admins: one kiosk, its commands and the forms
    KioskCommand,       // a command for the kiosk's next heartbeat (a restart is confirmed first)
    RevokeKiosk,        // confirmed first
    CommandUpload,      // what a kiosk uploaded for a command: a screenshot or log lines (audited)
};

// Who may open a route. Anonymous routes are open to anyone (their forms carry a CSRF token too).
enum class BackOfficeAccess { Anonymous, AnyStaff, CoordinatorOrAdmin, Admin };

struct BackOfficeRoute {
    BackOfficeRouteId id;
    std::string_view method;  // "GET", "POST"
    std::string_view path;    // "/backoffice/setup/{token}"
    BackOfficeAccess access;
};

const std::vector<BackOfficeRoute>& backOfficeRoutes();

// True when a person with this role may open a route of this access.
bool allows(BackOfficeAccess access, StaffRole role);

// True for "/backoffice", every path under "/backoffice/", and the resident's appointment pages under
// "/afspraak/" (the cancel link of the appointment e-mails).
bool isBackOfficePath(std::string_view path);

}  // namespace wp
