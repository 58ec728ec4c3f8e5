/* Generated from /api/openapi.json by openapi-typescript (tests/db/api-types.test.ts). Do not edit. */
export interface paths {
    "/api/areas/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An area: parent chain, population, listing, signals, counts of sites inside */
        get: operations["getApiAreasByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/areas/{code}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Why is this colour: the evidence behind an area's listing colour and its drug signal (plants, censoring, divergence) */
        get: operations["getApiAreasByCodeEvidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first, by user, action and date (admin) */
        get: operations["getApiAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Actions found in the audit log (admin) */
        get: operations["getApiAuditActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checkpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A checkpoint */
        get: operations["getApiCheckpointsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checkpoints/{id}/days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Daily figures of a checkpoint */
        get: operations["getApiCheckpointsByIdDays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A layer as GeoJSON, CSV or a zipped Shapefile (.prj, .cpg), within your jurisdiction, boundaries as of a date */
        get: operations["getApiExportsByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/tiles.pmtiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Chosen layers of your jurisdiction as one PMTiles archive, for devices with no server */
        get: operations["getApiExportsTilesPmtiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/firms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A precursor-chemical firm with its inspections and next due date */
        get: operations["getApiFirmsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/firms/{id}/opening-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set or clear the opening hours of a firm (office/admin; audited) */
        put: operations["putApiFirmsByIdOpeningHours"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-months/{grid}/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Office correction of a grid's figures (office/admin; version checked; audited) */
        put: operations["putApiGridMonthsByGridByMonth"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-months/{grid}/{month}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save a draft of the figures (grid officer; counts may be missing; audited) */
        put: operations["putApiGridMonthsByGridByMonthDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-months/{grid}/{month}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a grid's figures for a month (grid officer; counted once per submission_id: 200 when already counted; 409 with both sides when base_version is stale; audited) */
        post: operations["postApiGridMonthsByGridByMonthSubmissions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-months/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A grid officer's monthly figures form: per grid the month's counts on file with their version, last month's, whether reported, the draft */
        get: operations["getApiGridMonthsMine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grid-months/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which grids have reported a month, and the reminder list of those that have not (office/admin) */
        get: operations["getApiGridMonthsStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grids/locate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Am I inside my grid? The grid, village and township at a position (datum wgs84, gcj02 or bd09) */
        get: operations["getApiGridsLocate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grids/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A grid officer's grids: boundary, due inspections, latest monthly counts */
        get: operations["getApiGridsMine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start-up phase and a cheap database check (for load balancers and healthchecks); 503 while starting or unreachable, with the same body */
        get: operations["getApiHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Newest data per table and whether PostGIS encodes tiles (scans tables) */
        get: operations["getApiHealthData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The import record of your office */
        get: operations["getApiImports"];
        put?: never;
        /** Import a layer (office/admin): multipart `file` (+ `mapping` JSON) or upload_id; dry_run=1 reports new/changed/unchanged and every problem; without it writes all or nothing (201), or answers 400 with the same report */
        post: operations["postApiImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of an import (done, total, ETA) and its report once finished */
        get: operations["getApiImportsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/preview.geojson": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Converted features and problem places of a dry run, for the map */
        get: operations["getApiImportsByIdPreviewGeojson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/layers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Importable layers with their fields, the datums, and the rules an office may accept */
        get: operations["getApiImportsLayers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/mappings/{layer}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Column mappings saved by your office for a layer */
        get: operations["getApiImportsMappingsByLayer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/mappings/{layer}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save a column mapping for your office (audited) */
        put: operations["putApiImportsMappingsByLayerByName"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a file for the page (kept an hour): format, encoding, columns, first rows, declared or guessed datum, suggested and saved mappings */
        post: operations["postApiImportsUploads"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The first look at an upload again, for another layer or encoding */
        get: operations["getApiImportsUploadsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an inspection with its check-in (position + accuracy, or null for no fix; flagged beyond INSPECTION_FAR_M from the site); the same client_id twice is recorded once (200, duplicate: true) */
        post: operations["postApiInspections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections/flagged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check-ins recorded far from their site (office/admin) */
        get: operations["getApiInspectionsFlagged"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/labels/{layer}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Label points of areas and grids */
        get: operations["getApiLabelsByLayer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/layers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every layer: fields, geometry type, zoom range, bounds, count, filters, legend */
        get: operations["getApiLayers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Listings as of a date, filtered by grade, status, area */
        get: operations["getApiListings"];
        put?: never;
        /** List an area (office/admin) */
        post: operations["postApiListings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A listing with its events and assessments */
        get: operations["getApiListingsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/{id}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a yearly assessment */
        post: operations["postApiListingsByIdAssessments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/{id}/delist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delist (409 with the unmet conditions unless all six are met) */
        post: operations["postApiListingsByIdDelist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/{id}/downgrade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Downgrade the grade */
        post: operations["postApiListingsByIdDowngrade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the term (once) */
        post: operations["postApiListingsByIdExtend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/{id}/outline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The listed area as GeoJSON */
        get: operations["getApiListingsByIdOutline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/{id}/relist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Relist after a rebound */
        post: operations["postApiListingsByIdRelist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Due work: terms ending soon, assessments overdue, extensions used up */
        get: operations["getApiListingsDue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Listings as CSV */
        get: operations["getApiListingsExportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Listings as Excel */
        get: operations["getApiListingsExportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ogc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OGC API – Features landing page */
        get: operations["getApiOgc"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ogc/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Collections (one per layer) */
        get: operations["getApiOgcCollections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ogc/collections/{collectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A collection */
        get: operations["getApiOgcCollectionsByCollectionId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ogc/collections/{collectionId}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Features, with bbox, limit, offset, datetime and filter (CQL2 text); 400 for unknown parameters */
        get: operations["getApiOgcCollectionsByCollectionIdItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ogc/collections/{collectionId}/items/{featureId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One feature */
        get: operations["getApiOgcCollectionsByCollectionIdItemsByFeatureId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ogc/collections/{collectionId}/queryables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The properties a filter may name (JSON Schema) */
        get: operations["getApiOgcCollectionsByCollectionIdQueryables"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ogc/conformance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Conformance classes */
        get: operations["getApiOgcConformance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document (OpenAPI 3.1) */
        get: operations["getApiOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Key figures of the jurisdiction (wall display): listings, signals, checkpoints, due inspections, people rates */
        get: operations["getApiOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patrols/due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Firms and venues due or risky: next due date, overdue flag, score, last outcome (most urgent first) */
        get: operations["getApiPatrolsDue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patrols/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A day's patrol: stops by urgency, visited while open (opening hours) within the working hours (day_start, day_end), from start (default: the county seat); ETAs, waits, a GeoJSON LineString, and the stops that could not fit with the reason */
        get: operations["getApiPatrolsPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Areas, grids and sites by Chinese name or code, each with a bbox */
        get: operations["getApiSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user (user: null when signed out) */
        get: operations["getApiSession"];
        put?: never;
        /** Sign in with {username, password} or an API token {token} (sets an HttpOnly session cookie); throttled per user and address (429) */
        post: operations["postApiSession"];
        /** Sign out: ends the cookie session or the bearer token sent */
        delete: operations["deleteApiSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/demo-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Demo accounts for the login screen (only while the demo is on) */
        get: operations["getApiSessionDemoAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/style.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** MapLibre style built from the layer definitions (own tiles only) */
        get: operations["getApiStyleJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tiles/{layer}/{z}/{x}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mapbox Vector Tile of a layer (counties, townships, villages, grids, catchments, roads, checkpoints, wastewater_sites, firms, venues); 204 when empty, 304 on If-None-Match; filter in CQL2 text */
        get: operations["getApiTilesByLayerByZByXByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users in your jurisdiction (admin) */
        get: operations["getApiUsers"];
        put?: never;
        /** Create a user (admin); a generated password is returned once */
        post: operations["postApiUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user and their API tokens (admin) */
        get: operations["getApiUsersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change role, jurisdiction, grids, name or status (admin) */
        patch: operations["patchApiUsersById"];
        trace?: never;
    };
    "/api/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a user's password (admin); ends their sessions */
        post: operations["postApiUsersByIdPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's API tokens (admin) */
        get: operations["getApiUsersByIdTokens"];
        put?: never;
        /** Issue an API token (read-only by default, for wall displays); the token is returned once */
        post: operations["postApiUsersByIdTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token (admin) */
        delete: operations["deleteApiUsersByIdTokensByTokenId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/venues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A key venue with its inspections and next due date */
        get: operations["getApiVenuesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/venues/{id}/opening-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set or clear the opening hours of a venue (office/admin; audited) */
        put: operations["putApiVenuesByIdOpeningHours"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wall/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between since and until (shift change): listings, rising signals, newly overdue inspections, checkpoint cases, flagged check-ins; visitor=1 leaves out names of people and sites */
        get: operations["getApiWallChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wastewater/areas/{code}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Population-weighted load series of an area */
        get: operations["getApiWastewaterAreasByCodeSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wastewater/areas/{code}/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trends per substance of an area, with confidence */
        get: operations["getApiWastewaterAreasByCodeSignals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wastewater/divergent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Areas whose drug index rises significantly while enforcement there falls */
        get: operations["getApiWastewaterDivergent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wastewater/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import lab results from CSV or Excel (dry run lists every row problem); 201 when rows were imported; async=1 answers 202 with the job */
        post: operations["postApiWastewaterImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wastewater/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A background lab import of yours: state, progress and estimate, the report once finished */
        get: operations["getApiWastewaterImportsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wastewater/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recompute area series and trends (office/admin); the body is optional */
        post: operations["postApiWastewaterRecompute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wastewater/rising": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rising signals, significant first, with upstream tracing sites */
        get: operations["getApiWastewaterRising"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wastewater/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Wastewater sampling sites */
        get: operations["getApiWastewaterSites"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wastewater/sites/{code}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loads of a site per substance, with LOQ flags and trend */
        get: operations["getApiWastewaterSitesByCodeSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Problem details (RFC 9457) */
        Problem: {
            detail?: string;
            errors?: {
                message: string;
                param: string;
            }[];
            /** @description The parameter at fault */
            param?: string;
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description Problem details (RFC 9457) */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getApiAreasByCode: {
        parameters: {
            query?: {
                as_of?: string;
            };
            header?: never;
            path: {
                /** @description statistical division code (2–12 digits) */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description minLon, minLat, maxLon, maxLat (WGS84) */
                        bbox: [
                            number,
                            number,
                            number,
                            number
                        ];
                        code: string;
                        counts: {
                            checkpoints: number;
                            firms: number;
                            grids: number;
                            venues: number;
                            villages: number;
                            wastewaterSites: number;
                        };
                        kind: string | null;
                        level: string;
                        listing: {
                            body: string;
                            categories: string[];
                            grade: string;
                            id: number;
                            listedOn: string;
                            status: string;
                            termEndsOn: string;
                        } | null;
                        name: string;
                        parents: {
                            code: string;
                            level: string;
                            name: string;
                        }[];
                        /** @description Only for roles that may see counts of people */
                        people: {
                            month: string;
                            registered: number;
                            rehab_done: number;
                            rehab_due: number;
                            risk_high: number;
                            under_control: number;
                        }[] | null;
                        population: number;
                        signals: {
                            coverage: number;
                            latestLoad: number | null;
                            nSamples: number;
                            pctChange: number | null;
                            substance: string;
                            trend: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiAreasByCodeEvidence: {
        parameters: {
            query?: {
                as_of?: string;
                substance?: "methamphetamine" | "amphetamine" | "ketamine" | "mdma" | "morphine" | "benzoylecgonine" | "index";
            };
            header?: never;
            path: {
                /** @description statistical division code (2–12 digits) */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        area: {
                            code: string;
                            level: string;
                            name: string;
                            population: number;
                        };
                        listing: {
                            /** @description YYYY-MM-DD */
                            asOf: string;
                            assessments: {
                                /** @description YYYY-MM-DD */
                                assessedOn: string;
                                conditions: {
                                    [key: string]: boolean;
                                };
                                conditionsMet: number;
                                year: number;
                            }[];
                            changes: ({
                                /** @constant */
                                code: "listing_decision";
                            } | {
                                /** @constant */
                                code: "assessment_due";
                                conditionsMet: number | null;
                                /** @description YYYY-MM-DD */
                                on: string;
                            } | {
                                /** @constant */
                                code: "term_ends";
                                extensionLeft: boolean;
                                /** @description YYYY-MM-DD */
                                on: string;
                            } | {
                                /** @constant */
                                code: "delisted_colour_ends";
                                /** @description YYYY-MM-DD */
                                on: string;
                            })[];
                            /** @description The class the map paints */
                            class: string;
                            events: {
                                /** @enum {string} */
                                grade: "key_rectification" | "key_supervision" | "key_attention";
                                /** @enum {string} */
                                kind: "listed" | "assessed" | "extended" | "downgraded" | "delisted" | "relisted";
                                /** @description YYYY-MM-DD */
                                onDate: string;
                                /** @enum {string} */
                                status: "listed" | "extended" | "downgraded" | "delisted";
                                /** @description YYYY-MM-DD */
                                termEndsOn: string;
                            }[];
                            flags: {
                                assessmentOverdue: boolean;
                                continuing: boolean;
                                extensionUsedUp: boolean;
                                nextAssessmentDue: string | null;
                                termExpired: boolean;
                            } | null;
                            listing: {
                                /** @enum {string} */
                                body: "national" | "province" | "city" | "county";
                                categories: ("manufacturing" | "smuggling_channel" | "transit_hub" | "outflow_trafficking" | "illegal_cultivation" | "drug_abuse" | "other")[];
                                delistedOn: string | null;
                                extended: boolean;
                                /** @enum {string} */
                                grade: "key_rectification" | "key_supervision" | "key_attention";
                                id: number;
                                /** @description YYYY-MM-DD */
                                listedOn: string;
                                /** @enum {string} */
                                status: "listed" | "extended" | "downgraded" | "delisted";
                                /** @description YYYY-MM-DD */
                                termEndsOn: string;
                            } | null;
                        };
                        /** @description Only for townships and above */
                        signal: {
                            asOf: string | null;
                            changes: ({
                                /** @constant */
                                code: "more_weeks";
                                weeks: number;
                            } | {
                                /** @constant */
                                code: "more_detections";
                                recentWeeks: number;
                                weeks: number;
                            } | {
                                /** @constant */
                                code: "p_below";
                                p: number;
                                threshold: number;
                                to: ("rising_significant" | "rising" | "flat" | "falling" | "falling_significant" | "below_detection" | "insufficient")[];
                            } | {
                                /** @constant */
                                code: "p_above";
                                p: number;
                                threshold: number;
                                /** @enum {string} */
                                to: "rising_significant" | "rising" | "flat" | "falling" | "falling_significant" | "below_detection" | "insufficient";
                            } | {
                                /** @constant */
                                code: "panel_no_effect";
                            })[];
                            coverage: number;
                            divergent: boolean;
                            enforcement: {
                                /** @enum {string} */
                                category: "rising_significant" | "rising" | "flat" | "falling" | "falling_significant" | "below_detection" | "insufficient";
                                measures: {
                                    /** @enum {string} */
                                    category: "rising_significant" | "rising" | "flat" | "falling" | "falling_significant" | "below_detection" | "insufficient";
                                    firstHalf: number;
                                    /** @enum {string} */
                                    measure: "inspections" | "checks" | "cases";
                                    p: number;
                                    s: number;
                                    secondHalf: number;
                                    total: number;
                                    weekly: number[];
                                }[];
                                p: number;
                                s: number;
                                varS: number;
                                weeks: number;
                            } | null;
                            panel: {
                                code: string;
                                /** @enum {string} */
                                kind: "joined" | "left";
                                name: string;
                                week: string;
                            }[];
                            plants: {
                                censoredShare: number;
                                code: string;
                                firstWeek: string | null;
                                lastWeek: string | null;
                                /** @description The highest limit the plant's values were re-censored at (single substances) */
                                limit: number | null;
                                name: string;
                                nCensored: number;
                                p: number;
                                pctChange: number | null;
                                people: number;
                                recensored: number;
                                /** @enum {string} */
                                role: "used" | "insufficient" | "below_detection" | "no_data";
                                s: number;
                                samples: number;
                                series: {
                                    hi: number;
                                    lo: number;
                                    week: string;
                                }[];
                                slope: number | null;
                                /** @enum {string} */
                                trend: "rising_significant" | "rising" | "flat" | "falling" | "falling_significant" | "below_detection" | "insufficient";
                                varS: number;
                                weeks: number;
                                weight: number;
                            }[];
                            stored: {
                                areaCode: string;
                                areaName: string;
                                /** @description Share of the weekly values below detection */
                                censoredShare: number;
                                computedAt: string;
                                coverage: number;
                                divergent: boolean;
                                enforcementP: number | null;
                                /** @description Enforcement over the same window (index rows rising significantly) */
                                enforcementTrend: string | null;
                                /** @description The plants' combined Kendall statistic */
                                kendallS: number | null;
                                kendallVar: number | null;
                                kendallZ: number | null;
                                /** @description The latest value is an upper bound ("<") */
                                latestCensored: boolean;
                                latestLoad: number | null;
                                level: string;
                                nPlants: number;
                                nPlantsUsed: number;
                                nSamples: number;
                                panelJoined: number;
                                panelLeft: number;
                                pctChange: number | null;
                                pValue: number | null;
                                senSlope: number | null;
                                substance: string;
                                trend: string;
                                windowWeeks: number;
                            } | null;
                            /** @enum {string} */
                            substance: "methamphetamine" | "amphetamine" | "ketamine" | "mdma" | "morphine" | "benzoylecgonine" | "index";
                            thresholds: {
                                alphaLikely: number;
                                alphaSignificant: number;
                                maxBelowDetectionPeople: number;
                                maxCensoredShare: number;
                                minSamples: number;
                                panelEdgeWeeks: number;
                                recentWeeks: number;
                            };
                            trend: {
                                belowDetectionPeople: number;
                                /** @enum {string} */
                                category: "rising_significant" | "rising" | "flat" | "falling" | "falling_significant" | "below_detection" | "insufficient";
                                censoredShare: number;
                                n: number;
                                p: number;
                                pctChange: number | null;
                                s: number;
                                slope: number | null;
                                varS: number;
                                z: number;
                            } | null;
                            weekly: {
                                hi: number;
                                lo: number;
                                people: number;
                                week: string;
                            }[];
                            window: {
                                from: string;
                                to: string;
                                weeks: number;
                            } | null;
                        } | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiAudit: {
        parameters: {
            query?: {
                action?: string;
                before?: string;
                from?: string;
                limit?: string;
                to?: string;
                user?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        entries: {
                            action: string;
                            at: string;
                            detail: {
                                [key: string]: unknown;
                            };
                            entity: string;
                            entityId: string | null;
                            id: number;
                            userId: number | null;
                            username: string;
                        }[];
                        /** @description `before` for the next page; null on the last */
                        next: number | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiAuditActions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actions: string[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiCheckpointsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        borderOf: ("province" | "city" | "county") | null;
                        code: string;
                        countyCode: string;
                        countyName: string | null;
                        id: number;
                        /** @enum {string} */
                        kind: "public_security" | "drug_inspection" | "toll_station" | "temporary";
                        lat: number;
                        lon: number;
                        name: string;
                        onBorder: boolean;
                        openedOn: string | null;
                        roadRef: string | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiCheckpointsByIdDays: {
        parameters: {
            query?: {
                days?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checkpoint: {
                            borderOf: ("province" | "city" | "county") | null;
                            code: string;
                            countyCode: string;
                            countyName: string | null;
                            id: number;
                            /** @enum {string} */
                            kind: "public_security" | "drug_inspection" | "toll_station" | "temporary";
                            lat: number;
                            lon: number;
                            name: string;
                            onBorder: boolean;
                            openedOn: string | null;
                            roadRef: string | null;
                        };
                        days: {
                            cases: number;
                            day: string;
                            people: number;
                            precursorsKg: number;
                            /** @description kg per drug */
                            seizures: {
                                [key: string]: number;
                            };
                            vehicles: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiExportsByFile: {
        parameters: {
            query?: {
                as_of?: string;
                /** @description wgs84 (default), cgcs2000, gcj02, bd09 or EPSG:n of a CGCS2000 Gauss–Krüger zone */
                datum?: string;
            };
            header?: never;
            path: {
                /** @description {layer}.geojson, {layer}.csv or {layer}.shp.zip (a zipped Shapefile with .prj and .cpg) */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description GeoJSON, text/csv or application/zip by the file name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": string;
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiExportsTilesPmtiles: {
        parameters: {
            query: {
                as_of?: string;
                layers: string;
                maxzoom?: string;
                minzoom?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.pmtiles": string;
                };
            };
            /** @description Nothing to export */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiFirmsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string;
                        /** @enum {string} */
                        business: "producer" | "trader" | "user";
                        /** @description Precursor category 1–3 */
                        category: number;
                        chemicals: string[];
                        creditCode: string;
                        id: number;
                        inspectionEveryDays: number;
                        /** @description The latest ten, newest first */
                        inspections: {
                            findings: string;
                            id: number;
                            inspectedOn: string;
                            inspector: string;
                            /** @enum {string} */
                            outcome: "ok" | "issues" | "violation";
                        }[];
                        lastInspection: {
                            findings: string;
                            id: number;
                            inspectedOn: string;
                            inspector: string;
                            /** @enum {string} */
                            outcome: "ok" | "issues" | "violation";
                        } | null;
                        lat: number;
                        licenceExpiry: string | null;
                        licenceNo: string | null;
                        lon: number;
                        name: string;
                        nextDue: string;
                        openingHours: string | null;
                        townshipCode: string;
                        townshipName: string | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    putApiFirmsByIdOpeningHours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    opening_hours: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @description Canonical form; null when cleared */
                        openingHours: string | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    putApiGridMonthsByGridByMonth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grid: string;
                month: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    base_version: number;
                    figures: {
                        registered?: unknown;
                        rehab_done?: unknown;
                        rehab_due?: unknown;
                        risk_high?: unknown;
                        risk_low?: unknown;
                        risk_medium?: unknown;
                        under_control?: unknown;
                    };
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        figures: {
                            registered: number;
                            rehabDone: number;
                            rehabDue: number;
                            riskHigh: number;
                            riskLow: number;
                            riskMedium: number;
                            underControl: number;
                        };
                        gridCode: string;
                        month: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            /** @description Changed meanwhile: both sides (problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            /** @description Refused figures, or warnings to confirm (problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    putApiGridMonthsByGridByMonthDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grid: string;
                month: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    base_version: number;
                    figures: {
                        registered?: unknown;
                        rehab_done?: unknown;
                        rehab_due?: unknown;
                        risk_high?: unknown;
                        risk_low?: unknown;
                        risk_medium?: unknown;
                        under_control?: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        gridCode: string;
                        month: string;
                        savedAt: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiGridMonthsByGridByMonthSubmissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grid: string;
                month: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    base_version: number;
                    /** @default false */
                    confirm_warnings?: boolean;
                    figures: {
                        registered?: unknown;
                        rehab_done?: unknown;
                        rehab_due?: unknown;
                        risk_high?: unknown;
                        risk_low?: unknown;
                        risk_medium?: unknown;
                        under_control?: unknown;
                    };
                    /** Format: uuid */
                    submission_id: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        gridCode: string;
                        month: string;
                        receivedAt: string;
                        /** @description This submission id had already been counted: nothing was written this time (200, not 201) */
                        replayed: boolean;
                        submissionId: string;
                        version: number;
                        warnings: {
                            /** @enum {string} */
                            field: "registered" | "underControl" | "riskLow" | "riskMedium" | "riskHigh" | "rehabDue" | "rehabDone";
                            message: string;
                            message_zh: string;
                            param: string;
                            /** @constant */
                            rule: "jump";
                            values: {
                                change: number;
                                previous: number;
                                value: number;
                            };
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            /** @description Changed meanwhile: both sides (problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            /** @description Refused figures, or warnings to confirm (problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiGridMonthsMine: {
        parameters: {
            query?: {
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        grids: {
                            code: string;
                            draft: {
                                baseVersion: number;
                                figures: {
                                    registered?: number | null;
                                    rehabDone?: number | null;
                                    rehabDue?: number | null;
                                    riskHigh?: number | null;
                                    riskLow?: number | null;
                                    riskMedium?: number | null;
                                    underControl?: number | null;
                                };
                                savedAt: string;
                            } | null;
                            /** @description The month's figures on file */
                            figures: {
                                registered: number;
                                rehabDone: number;
                                rehabDue: number;
                                riskHigh: number;
                                riskLow: number;
                                riskMedium: number;
                                underControl: number;
                            } | null;
                            name: string;
                            population: number;
                            /** @description Last month's figures */
                            previous: {
                                registered: number;
                                rehabDone: number;
                                rehabDue: number;
                                riskHigh: number;
                                riskLow: number;
                                riskMedium: number;
                                underControl: number;
                            } | null;
                            source: ("import" | "officer" | "office") | null;
                            submittedAt: string | null;
                            updatedAt: string | null;
                            /** @description Their version (0: none yet) */
                            version: number;
                        }[];
                        month: string;
                        /** @description The months that may be reported */
                        months: string[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiGridMonthsStatus: {
        parameters: {
            query?: {
                limit?: string;
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        month: string;
                        /** @description The reminder list: who still has to report, with who walks the grid */
                        notReported: {
                            code: string;
                            name: string;
                            officers: {
                                duty: string | null;
                                name: string;
                                phone: string | null;
                            }[];
                            townshipName: string | null;
                            villageName: string | null;
                        }[];
                        notReportedCount: number;
                        reported: {
                            code: string;
                            name: string;
                            submittedAt: string | null;
                            townshipName: string | null;
                            villageName: string | null;
                        }[];
                        reportedCount: number;
                        total: number;
                        truncated: boolean;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiGridsLocate: {
        parameters: {
            query: {
                datum?: "wgs84" | "gcj02" | "bd09";
                lat: string;
                lon: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The grid at the position within your jurisdiction */
                        grid: {
                            code: string;
                            name: string;
                            townshipCode: string;
                            townshipName: string;
                            villageCode: string;
                            villageName: string;
                        } | null;
                        /** @description null for users without grids */
                        insideMyGrid: boolean | null;
                        /** @description Your grids, nearest first */
                        myGrids: {
                            code: string;
                            /** @description 0 inside */
                            metres: number;
                            name: string;
                        }[];
                        /** @description The position converted to WGS84 */
                        position: {
                            /** @constant */
                            datum: "wgs84";
                            lat: number;
                            lon: number;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiGridsMine: {
        parameters: {
            query?: {
                as_of?: string;
                within_days?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        grids: {
                            /** @description minLon, minLat, maxLon, maxLat (WGS84) */
                            bbox: [
                                number,
                                number,
                                number,
                                number
                            ];
                            boundary: {
                                coordinates: unknown;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            };
                            code: string;
                            due: {
                                /** @description YYYY-MM-DD */
                                due: string;
                                id: number;
                                /** @enum {string} */
                                kind: "firm" | "venue";
                                name: string;
                            }[];
                            households: number | null;
                            latestMonth: {
                                month: string;
                                registered: number;
                                rehabDone: number;
                                rehabDue: number;
                                underControl: number;
                            } | null;
                            name: string;
                            population: number | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        database?: {
                            error?: string;
                            kind: string;
                            reachable?: boolean;
                        };
                        databases?: {
                            checkedAt: string | null;
                            error?: string;
                            inReadPool?: boolean;
                            lagBytes: number | null;
                            lagMs: number | null;
                            /** @description host:port/database (signed-in users only) */
                            name?: string;
                            reads?: number;
                            /** @enum {string} */
                            role: "primary" | "replica";
                            /** @enum {string} */
                            state: "ok" | "lagging" | "unreachable" | "not_standby" | "unprobed";
                            walPosition: string | null;
                        }[];
                        error: string | null;
                        /** @enum {string} */
                        phase: "starting" | "migrating" | "seeding" | "ready" | "failed";
                        progress: {
                            done: number;
                            etaSeconds: number | null;
                            step: string;
                            total: number;
                        } | null;
                        schemaVersion?: number;
                        /** @enum {string} */
                        status: "ok" | "starting" | "failed" | "unavailable";
                    };
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiHealthData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        databases: {
                            checkedAt: string | null;
                            error?: string;
                            inReadPool?: boolean;
                            lagBytes: number | null;
                            lagMs: number | null;
                            /** @description host:port/database (signed-in users only) */
                            name?: string;
                            reads?: number;
                            /** @enum {string} */
                            role: "primary" | "replica";
                            /** @enum {string} */
                            state: "ok" | "lagging" | "unreachable" | "not_standby" | "unprobed";
                            walPosition: string | null;
                        }[];
                        /** @description Whether the server's PostGIS encodes tiles itself */
                        hasMvt: boolean;
                        newestData?: {
                            [key: string]: string | null;
                        };
                        newestDataAgeDays: number | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiImports: {
        parameters: {
            query?: {
                layer?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        imports: {
                            bytes: number;
                            changed: number;
                            datum: string;
                            encoding: string | null;
                            features: number;
                            filename: string;
                            finishedAt: string;
                            format: string;
                            id: number;
                            layer: string;
                            new: number;
                            problems: number;
                            sha256: string;
                            startedAt: string;
                            /** @enum {string} */
                            status: "imported" | "unchanged" | "refused" | "failed";
                            unchanged: number;
                            username: string;
                            validFrom: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiImports: {
        parameters: {
            query: {
                accept?: string;
                async?: "0" | "1" | "true" | "false";
                datum?: string;
                dry_run?: "0" | "1" | "true" | "false";
                encoding?: string;
                lang?: string;
                layer: string;
                preview?: "0" | "1" | "true" | "false";
                upload_id?: string;
                valid_from?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
                "text/csv": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changes: {
                            code: string;
                            feature: number;
                            fields: string[];
                            shiftMetres: number | null;
                        }[];
                        counts: {
                            blocking: number;
                            changed: number;
                            new: number;
                            problems: number;
                            read: number;
                            staged: number;
                            unchanged: number;
                        };
                        datum: {
                            declared: string | null;
                            id: string;
                            /** @enum {string} */
                            source: "file" | "given" | "default";
                        };
                        dryRun: boolean;
                        file: {
                            bytes: number;
                            encoding: string | null;
                            encodingSource: string;
                            format: string;
                            name: string;
                            sha256: string;
                        };
                        /** @description The job, for GET /api/imports/{id} and the preview */
                        id: string;
                        importId: number | null;
                        layer: string;
                        mapping: {
                            /** @default {} */
                            fields: {
                                [key: string]: string | null;
                            };
                            lat?: string | null;
                            lon?: string | null;
                            wkt?: string | null;
                        };
                        problemCounts: {
                            [key: string]: number;
                        };
                        problems: {
                            /** @constant */
                            accepted?: true;
                            code: string | null;
                            feature: number;
                            field: string | null;
                            message: string;
                            params: {
                                [key: string]: string | number;
                            };
                            rule: string;
                        }[];
                        repairs: {
                            /** @constant */
                            accepted?: true;
                            code: string | null;
                            feature: number;
                            field: string | null;
                            message: string;
                            params: {
                                [key: string]: string | number;
                            };
                            rule: string;
                        }[];
                        seconds: number;
                        /** @enum {string} */
                        status: "clean" | "has_problems" | "imported" | "unchanged" | "refused";
                        /** @description Seconds per step */
                        timings: {
                            [key: string]: number;
                        };
                        validFrom: string;
                    };
                };
            };
            /** @description Imported (the same report) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description async=1: started; the job (GET /api/imports/{id}) is in the body and Location */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiImportsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        dryRun: boolean;
                        /** @description The problem that ended it (title, detail, …) */
                        error: {
                            [key: string]: unknown;
                        } | null;
                        hasPreview: boolean;
                        id: string;
                        layer: string;
                        progress: {
                            done: number;
                            elapsedSeconds: number;
                            etaSeconds: number | null;
                            fraction: number;
                            /** @enum {string} */
                            phase: "reading" | "checking" | "writing" | "recomputing" | "done";
                            total: number | null;
                        } | null;
                        report: {
                            changes: {
                                code: string;
                                feature: number;
                                fields: string[];
                                shiftMetres: number | null;
                            }[];
                            counts: {
                                blocking: number;
                                changed: number;
                                new: number;
                                problems: number;
                                read: number;
                                staged: number;
                                unchanged: number;
                            };
                            datum: {
                                declared: string | null;
                                id: string;
                                /** @enum {string} */
                                source: "file" | "given" | "default";
                            };
                            dryRun: boolean;
                            file: {
                                bytes: number;
                                encoding: string | null;
                                encodingSource: string;
                                format: string;
                                name: string;
                                sha256: string;
                            };
                            importId: number | null;
                            layer: string;
                            mapping: {
                                /** @default {} */
                                fields: {
                                    [key: string]: string | null;
                                };
                                lat?: string | null;
                                lon?: string | null;
                                wkt?: string | null;
                            };
                            problemCounts: {
                                [key: string]: number;
                            };
                            problems: {
                                /** @constant */
                                accepted?: true;
                                code: string | null;
                                feature: number;
                                field: string | null;
                                message: string;
                                params: {
                                    [key: string]: string | number;
                                };
                                rule: string;
                            }[];
                            repairs: {
                                /** @constant */
                                accepted?: true;
                                code: string | null;
                                feature: number;
                                field: string | null;
                                message: string;
                                params: {
                                    [key: string]: string | number;
                                };
                                rule: string;
                            }[];
                            seconds: number;
                            /** @enum {string} */
                            status: "clean" | "has_problems" | "imported" | "unchanged" | "refused";
                            /** @description Seconds per step */
                            timings: {
                                [key: string]: number;
                            };
                            validFrom: string;
                        } | null;
                        /** @enum {string} */
                        state: "running" | "done" | "refused" | "failed";
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiImportsByIdPreviewGeojson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        features: {
                            /** @description minLon, minLat, maxLon, maxLat (WGS84) */
                            bbox?: [
                                number,
                                number,
                                number,
                                number
                            ];
                            geometry: ({
                                coordinates: unknown;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            }) | null;
                            id?: string | number;
                            properties: {
                                [key: string]: unknown;
                            } | null;
                            /** @constant */
                            type: "Feature";
                        }[];
                        /** @constant */
                        type: "FeatureCollection";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiImportsLayers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Problem rules an office may accept */
                        acceptable: string[];
                        datums: {
                            id: string;
                            title: {
                                en: string;
                                zh: string;
                            };
                        }[];
                        layers: {
                            fields: {
                                name: string;
                                required: boolean;
                                title: {
                                    en: string;
                                    zh: string;
                                };
                                type: string;
                                values: {
                                    [key: string]: {
                                        en: string;
                                        zh: string;
                                    };
                                } | null;
                            }[];
                            /** @enum {string} */
                            geometry: "Polygon" | "Point";
                            /** @description The field that identifies a row across imports */
                            key: string;
                            layer: string;
                            title: {
                                en: string;
                                zh: string;
                            };
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiImportsMappingsByLayer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                layer: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        layer: string;
                        mappings: {
                            mapping: {
                                /** @default {} */
                                fields: {
                                    [key: string]: string | null;
                                };
                                lat?: string | null;
                                lon?: string | null;
                                wkt?: string | null;
                            };
                            name: string;
                            updatedAt: string;
                            updatedBy: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    putApiImportsMappingsByLayerByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                layer: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mapping: {
                        /** @default {} */
                        fields?: {
                            [key: string]: string | null;
                        };
                        lat?: string | null;
                        lon?: string | null;
                        wkt?: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mapping: {
                            /** @default {} */
                            fields: {
                                [key: string]: string | null;
                            };
                            lat?: string | null;
                            lon?: string | null;
                            wkt?: string | null;
                        };
                        name: string;
                        updatedAt: string;
                        updatedBy: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiImportsUploads: {
        parameters: {
            query?: {
                encoding?: string;
                lang?: string;
                layer?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
                "text/csv": string;
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bytes: number;
                        filename: string;
                        sample: {
                            columns: string[];
                            datum: {
                                declared: string | null;
                                error: {
                                    params: {
                                        [key: string]: string | number;
                                    };
                                    rule: string;
                                } | null;
                                guess: {
                                    certain: boolean;
                                    id: string;
                                } | null;
                            };
                            encoding: string | null;
                            encodingSource: string;
                            estimatedRecords: number | null;
                            format: string;
                            geometryType: string | null;
                            hasGeometry: boolean;
                            mapping: {
                                saved: {
                                    mapping: {
                                        /** @default {} */
                                        fields: {
                                            [key: string]: string | null;
                                        };
                                        lat?: string | null;
                                        lon?: string | null;
                                        wkt?: string | null;
                                    };
                                    name: string;
                                    updatedAt: string;
                                    updatedBy: string;
                                }[];
                                suggested: {
                                    /** @default {} */
                                    fields: {
                                        [key: string]: string | null;
                                    };
                                    lat?: string | null;
                                    lon?: string | null;
                                    wkt?: string | null;
                                } | null;
                            } | null;
                            rows: {
                                geometryType: string | null;
                                index: number;
                                properties: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                        sha256: string;
                        uploadId: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiImportsUploadsById: {
        parameters: {
            query?: {
                encoding?: string;
                lang?: string;
                layer?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bytes: number;
                        filename: string;
                        sample: {
                            columns: string[];
                            datum: {
                                declared: string | null;
                                error: {
                                    params: {
                                        [key: string]: string | number;
                                    };
                                    rule: string;
                                } | null;
                                guess: {
                                    certain: boolean;
                                    id: string;
                                } | null;
                            };
                            encoding: string | null;
                            encodingSource: string;
                            estimatedRecords: number | null;
                            format: string;
                            geometryType: string | null;
                            hasGeometry: boolean;
                            mapping: {
                                saved: {
                                    mapping: {
                                        /** @default {} */
                                        fields: {
                                            [key: string]: string | null;
                                        };
                                        lat?: string | null;
                                        lon?: string | null;
                                        wkt?: string | null;
                                    };
                                    name: string;
                                    updatedAt: string;
                                    updatedBy: string;
                                }[];
                                suggested: {
                                    /** @default {} */
                                    fields: {
                                        [key: string]: string | null;
                                    };
                                    lat?: string | null;
                                    lon?: string | null;
                                    wkt?: string | null;
                                } | null;
                            } | null;
                            rows: {
                                geometryType: string | null;
                                index: number;
                                properties: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                        sha256: string;
                        uploadId: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiInspections: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    client_id?: string;
                    /** @default  */
                    findings?: string;
                    firm_id?: number;
                    inspected_on: string;
                    /** @enum {string} */
                    outcome: "ok" | "issues" | "violation";
                    position?: {
                        accuracy_m: number;
                        lat: number;
                        lon: number;
                    } | null;
                    venue_id?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checkIn: {
                            accuracyM: number | null;
                            distanceM: number | null;
                            farFromSite: boolean;
                            limitM: number;
                            /** @enum {string} */
                            positionStatus: "fix" | "no_fix" | "not_given";
                            recordedAt: string;
                        };
                        /** @description The same client_id was recorded before: nothing new was written (200, not 201) */
                        duplicate: boolean;
                        id: number;
                        /** @enum {string} */
                        kind: "firm" | "venue";
                        target: {
                            address: string;
                            /** @description Firms: precursor category 1–3 */
                            category: number | null;
                            id: number;
                            /** @enum {string} */
                            kind: "firm" | "venue";
                            lastInspectedOn: string | null;
                            lastOutcome: ("ok" | "issues" | "violation") | null;
                            lat: number;
                            licenceExpiry: string | null;
                            /** @enum {string} */
                            licenceState: "expired" | "expiring" | "valid" | "none";
                            lon: number;
                            name: string;
                            nextDue: string;
                            openingHours: string | null;
                            overdue: boolean;
                            /** @description Days past due; negative while not yet due */
                            overdueDays: number;
                            /** @description Venues: risk grade */
                            risk: ("low" | "medium" | "high") | null;
                            score: number;
                            /** @description Venues: hotel, ktv, …; firms: producer, trader, user */
                            subKind: string;
                            townshipName: string | null;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            /** @description client_id already used (problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiInspectionsFlagged: {
        parameters: {
            query: {
                limit?: string;
                since: string;
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        items: {
                            accuracyM: number | null;
                            distanceM: number;
                            id: number;
                            inspectedOn: string;
                            inspector: string;
                            /** @enum {string} */
                            kind: "firm" | "venue";
                            recordedAt: string;
                            targetId: number;
                            targetName: string;
                            townshipName: string | null;
                        }[];
                        limitM: number;
                        since: string;
                        until: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiLabelsByLayer: {
        parameters: {
            query?: {
                bbox?: string;
                limit?: string;
            };
            header?: never;
            path: {
                layer: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        lat: number;
                        lon: number;
                        name: string;
                    }[];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiLayers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        layers: {
                            bounds: [
                                number,
                                number,
                                number,
                                number
                            ] | null;
                            clusterBelowZoom: number | null;
                            /** @description Features within your jurisdiction */
                            count: number;
                            fields: {
                                name: string;
                                title: {
                                    en: string;
                                    zh: string;
                                };
                                /** @enum {string} */
                                type: "string" | "number" | "boolean" | "date";
                            }[];
                            filters: {
                                property: string;
                                title: {
                                    en: string;
                                    zh: string;
                                };
                                values: {
                                    label: {
                                        en: string;
                                        zh: string;
                                    };
                                    value: string | number | boolean;
                                }[];
                            }[];
                            /** @enum {string} */
                            geometryType: "Polygon" | "LineString" | "Point";
                            /** @enum {string} */
                            group: "boundaries" | "sites" | "signals" | "basemap";
                            id: string;
                            /** @description Whether /api/labels has name labels for it */
                            labels: boolean;
                            legend: {
                                color: string;
                                dash?: [
                                    number,
                                    number
                                ];
                                /**
                                 * @description class: one colour class; fallback: features in no class; overlay: an outline drawn over the fill
                                 * @enum {string}
                                 */
                                kind: "class" | "fallback" | "overlay";
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                property?: string;
                                /** @enum {string} */
                                shape: "fill" | "line" | "circle";
                                value?: string | number | boolean | null;
                            }[];
                            maxzoom: number;
                            minzoom: number;
                            /** @description The OGC API – Features collection */
                            ogc: string;
                            /** @description How the layer is drawn while a mode is on: paint applied over the style, and its legend */
                            themes: {
                                /** @enum {string} */
                                id: "signals";
                                legend: {
                                    color: string;
                                    dash?: [
                                        number,
                                        number
                                    ];
                                    /**
                                     * @description class: one colour class; fallback: features in no class; overlay: an outline drawn over the fill
                                     * @enum {string}
                                     */
                                    kind: "class" | "fallback" | "overlay";
                                    label: {
                                        en: string;
                                        zh: string;
                                    };
                                    property?: string;
                                    /** @enum {string} */
                                    shape: "fill" | "line" | "circle";
                                    value?: string | number | boolean | null;
                                }[];
                                paint: {
                                    [key: string]: unknown;
                                };
                                /** @description Paint for the mode's own style layers by id */
                                styleLayers: {
                                    [key: string]: {
                                        [key: string]: unknown;
                                    };
                                };
                            }[];
                            /** @description Tile URL template */
                            tiles: string;
                            title: {
                                en: string;
                                zh: string;
                            };
                            /** @description Drawn on by default */
                            visible: boolean;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiListings: {
        parameters: {
            query?: {
                area?: string;
                as_of?: string;
                grade?: "key_rectification" | "key_supervision" | "key_attention";
                lang?: "zh" | "en";
                status?: "listed" | "extended" | "downgraded" | "delisted" | "active";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description YYYY-MM-DD */
                        as_of: string;
                        count: number;
                        listings: {
                            areaCode: string;
                            areaLevel: ("province" | "city" | "county" | "township" | "village") | null;
                            areaName: string | null;
                            /** @enum {string} */
                            body: "national" | "province" | "city" | "county";
                            categories: ("manufacturing" | "smuggling_channel" | "transit_hub" | "outflow_trafficking" | "illegal_cultivation" | "drug_abuse" | "other")[];
                            /** @description YYYY-MM-DD */
                            decidedOn: string;
                            delistedOn: string | null;
                            extended: boolean;
                            flags: {
                                assessmentOverdue: boolean;
                                continuing: boolean;
                                extensionUsedUp: boolean;
                                nextAssessmentDue: string | null;
                                termExpired: boolean;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @description YYYY-MM-DD */
                            lastEventOn: string;
                            /** @description YYYY-MM-DD */
                            listedOn: string;
                            relistedFrom: number | null;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiListings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    area_code: string;
                    categories: ("manufacturing" | "smuggling_channel" | "transit_hub" | "outflow_trafficking" | "illegal_cultivation" | "drug_abuse" | "other")[];
                    /** @enum {string} */
                    grade: "key_rectification" | "key_supervision" | "key_attention";
                    listed_on?: string;
                    term_ends_on?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assessments: {
                            /** @description YYYY-MM-DD */
                            assessedOn: string;
                            conditions: {
                                education: boolean;
                                enforcement: boolean;
                                groundwork: boolean;
                                leadership: boolean;
                                mechanisms: boolean;
                                problem_eased: boolean;
                            };
                            id: number;
                            listingId: number;
                            notes: {
                                education?: string;
                                enforcement?: string;
                                groundwork?: string;
                                leadership?: string;
                                mechanisms?: string;
                                problem_eased?: string;
                            };
                            year: number;
                        }[];
                        due: {
                            days: number;
                            /** @description YYYY-MM-DD */
                            dueOn: string;
                            /** @enum {string} */
                            kind: "term_ending" | "term_expired" | "continuing" | "assessment_due" | "assessment_overdue" | "extension_used_up";
                        }[];
                        events: {
                            detail: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @enum {string} */
                            kind: "listed" | "assessed" | "extended" | "downgraded" | "delisted" | "relisted";
                            /** @description YYYY-MM-DD */
                            onDate: string;
                            recordedAt: string;
                            recordedBy: string;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        }[];
                        listing: {
                            areaCode: string;
                            areaLevel: ("province" | "city" | "county" | "township" | "village") | null;
                            areaName: string | null;
                            /** @enum {string} */
                            body: "national" | "province" | "city" | "county";
                            categories: ("manufacturing" | "smuggling_channel" | "transit_hub" | "outflow_trafficking" | "illegal_cultivation" | "drug_abuse" | "other")[];
                            /** @description YYYY-MM-DD */
                            decidedOn: string;
                            delistedOn: string | null;
                            extended: boolean;
                            flags: {
                                assessmentOverdue: boolean;
                                continuing: boolean;
                                extensionUsedUp: boolean;
                                nextAssessmentDue: string | null;
                                termExpired: boolean;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @description YYYY-MM-DD */
                            lastEventOn: string;
                            /** @description YYYY-MM-DD */
                            listedOn: string;
                            relistedFrom: number | null;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiListingsById: {
        parameters: {
            query?: {
                as_of?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assessments: {
                            /** @description YYYY-MM-DD */
                            assessedOn: string;
                            conditions: {
                                education: boolean;
                                enforcement: boolean;
                                groundwork: boolean;
                                leadership: boolean;
                                mechanisms: boolean;
                                problem_eased: boolean;
                            };
                            id: number;
                            listingId: number;
                            notes: {
                                education?: string;
                                enforcement?: string;
                                groundwork?: string;
                                leadership?: string;
                                mechanisms?: string;
                                problem_eased?: string;
                            };
                            year: number;
                        }[];
                        due: {
                            days: number;
                            /** @description YYYY-MM-DD */
                            dueOn: string;
                            /** @enum {string} */
                            kind: "term_ending" | "term_expired" | "continuing" | "assessment_due" | "assessment_overdue" | "extension_used_up";
                        }[];
                        events: {
                            detail: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @enum {string} */
                            kind: "listed" | "assessed" | "extended" | "downgraded" | "delisted" | "relisted";
                            /** @description YYYY-MM-DD */
                            onDate: string;
                            recordedAt: string;
                            recordedBy: string;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        }[];
                        listing: {
                            areaCode: string;
                            areaLevel: ("province" | "city" | "county" | "township" | "village") | null;
                            areaName: string | null;
                            /** @enum {string} */
                            body: "national" | "province" | "city" | "county";
                            categories: ("manufacturing" | "smuggling_channel" | "transit_hub" | "outflow_trafficking" | "illegal_cultivation" | "drug_abuse" | "other")[];
                            /** @description YYYY-MM-DD */
                            decidedOn: string;
                            delistedOn: string | null;
                            extended: boolean;
                            flags: {
                                assessmentOverdue: boolean;
                                continuing: boolean;
                                extensionUsedUp: boolean;
                                nextAssessmentDue: string | null;
                                termExpired: boolean;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @description YYYY-MM-DD */
                            lastEventOn: string;
                            /** @description YYYY-MM-DD */
                            listedOn: string;
                            relistedFrom: number | null;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiListingsByIdAssessments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assessed_on?: string;
                    conditions: {
                        education: boolean;
                        enforcement: boolean;
                        groundwork: boolean;
                        leadership: boolean;
                        mechanisms: boolean;
                        problem_eased: boolean;
                    };
                    notes?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assessments: {
                            /** @description YYYY-MM-DD */
                            assessedOn: string;
                            conditions: {
                                education: boolean;
                                enforcement: boolean;
                                groundwork: boolean;
                                leadership: boolean;
                                mechanisms: boolean;
                                problem_eased: boolean;
                            };
                            id: number;
                            listingId: number;
                            notes: {
                                education?: string;
                                enforcement?: string;
                                groundwork?: string;
                                leadership?: string;
                                mechanisms?: string;
                                problem_eased?: string;
                            };
                            year: number;
                        }[];
                        due: {
                            days: number;
                            /** @description YYYY-MM-DD */
                            dueOn: string;
                            /** @enum {string} */
                            kind: "term_ending" | "term_expired" | "continuing" | "assessment_due" | "assessment_overdue" | "extension_used_up";
                        }[];
                        events: {
                            detail: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @enum {string} */
                            kind: "listed" | "assessed" | "extended" | "downgraded" | "delisted" | "relisted";
                            /** @description YYYY-MM-DD */
                            onDate: string;
                            recordedAt: string;
                            recordedBy: string;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        }[];
                        listing: {
                            areaCode: string;
                            areaLevel: ("province" | "city" | "county" | "township" | "village") | null;
                            areaName: string | null;
                            /** @enum {string} */
                            body: "national" | "province" | "city" | "county";
                            categories: ("manufacturing" | "smuggling_channel" | "transit_hub" | "outflow_trafficking" | "illegal_cultivation" | "drug_abuse" | "other")[];
                            /** @description YYYY-MM-DD */
                            decidedOn: string;
                            delistedOn: string | null;
                            extended: boolean;
                            flags: {
                                assessmentOverdue: boolean;
                                continuing: boolean;
                                extensionUsedUp: boolean;
                                nextAssessmentDue: string | null;
                                termExpired: boolean;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @description YYYY-MM-DD */
                            lastEventOn: string;
                            /** @description YYYY-MM-DD */
                            listedOn: string;
                            relistedFrom: number | null;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiListingsByIdDelist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    on?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assessments: {
                            /** @description YYYY-MM-DD */
                            assessedOn: string;
                            conditions: {
                                education: boolean;
                                enforcement: boolean;
                                groundwork: boolean;
                                leadership: boolean;
                                mechanisms: boolean;
                                problem_eased: boolean;
                            };
                            id: number;
                            listingId: number;
                            notes: {
                                education?: string;
                                enforcement?: string;
                                groundwork?: string;
                                leadership?: string;
                                mechanisms?: string;
                                problem_eased?: string;
                            };
                            year: number;
                        }[];
                        due: {
                            days: number;
                            /** @description YYYY-MM-DD */
                            dueOn: string;
                            /** @enum {string} */
                            kind: "term_ending" | "term_expired" | "continuing" | "assessment_due" | "assessment_overdue" | "extension_used_up";
                        }[];
                        events: {
                            detail: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @enum {string} */
                            kind: "listed" | "assessed" | "extended" | "downgraded" | "delisted" | "relisted";
                            /** @description YYYY-MM-DD */
                            onDate: string;
                            recordedAt: string;
                            recordedBy: string;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        }[];
                        listing: {
                            areaCode: string;
                            areaLevel: ("province" | "city" | "county" | "township" | "village") | null;
                            areaName: string | null;
                            /** @enum {string} */
                            body: "national" | "province" | "city" | "county";
                            categories: ("manufacturing" | "smuggling_channel" | "transit_hub" | "outflow_trafficking" | "illegal_cultivation" | "drug_abuse" | "other")[];
                            /** @description YYYY-MM-DD */
                            decidedOn: string;
                            delistedOn: string | null;
                            extended: boolean;
                            flags: {
                                assessmentOverdue: boolean;
                                continuing: boolean;
                                extensionUsedUp: boolean;
                                nextAssessmentDue: string | null;
                                termExpired: boolean;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @description YYYY-MM-DD */
                            lastEventOn: string;
                            /** @description YYYY-MM-DD */
                            listedOn: string;
                            relistedFrom: number | null;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            /** @description Refused by the listing rules (problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiListingsByIdDowngrade: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    grade: "key_rectification" | "key_supervision" | "key_attention";
                    on?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assessments: {
                            /** @description YYYY-MM-DD */
                            assessedOn: string;
                            conditions: {
                                education: boolean;
                                enforcement: boolean;
                                groundwork: boolean;
                                leadership: boolean;
                                mechanisms: boolean;
                                problem_eased: boolean;
                            };
                            id: number;
                            listingId: number;
                            notes: {
                                education?: string;
                                enforcement?: string;
                                groundwork?: string;
                                leadership?: string;
                                mechanisms?: string;
                                problem_eased?: string;
                            };
                            year: number;
                        }[];
                        due: {
                            days: number;
                            /** @description YYYY-MM-DD */
                            dueOn: string;
                            /** @enum {string} */
                            kind: "term_ending" | "term_expired" | "continuing" | "assessment_due" | "assessment_overdue" | "extension_used_up";
                        }[];
                        events: {
                            detail: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @enum {string} */
                            kind: "listed" | "assessed" | "extended" | "downgraded" | "delisted" | "relisted";
                            /** @description YYYY-MM-DD */
                            onDate: string;
                            recordedAt: string;
                            recordedBy: string;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        }[];
                        listing: {
                            areaCode: string;
                            areaLevel: ("province" | "city" | "county" | "township" | "village") | null;
                            areaName: string | null;
                            /** @enum {string} */
                            body: "national" | "province" | "city" | "county";
                            categories: ("manufacturing" | "smuggling_channel" | "transit_hub" | "outflow_trafficking" | "illegal_cultivation" | "drug_abuse" | "other")[];
                            /** @description YYYY-MM-DD */
                            decidedOn: string;
                            delistedOn: string | null;
                            extended: boolean;
                            flags: {
                                assessmentOverdue: boolean;
                                continuing: boolean;
                                extensionUsedUp: boolean;
                                nextAssessmentDue: string | null;
                                termExpired: boolean;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @description YYYY-MM-DD */
                            lastEventOn: string;
                            /** @description YYYY-MM-DD */
                            listedOn: string;
                            relistedFrom: number | null;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiListingsByIdExtend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    on?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assessments: {
                            /** @description YYYY-MM-DD */
                            assessedOn: string;
                            conditions: {
                                education: boolean;
                                enforcement: boolean;
                                groundwork: boolean;
                                leadership: boolean;
                                mechanisms: boolean;
                                problem_eased: boolean;
                            };
                            id: number;
                            listingId: number;
                            notes: {
                                education?: string;
                                enforcement?: string;
                                groundwork?: string;
                                leadership?: string;
                                mechanisms?: string;
                                problem_eased?: string;
                            };
                            year: number;
                        }[];
                        due: {
                            days: number;
                            /** @description YYYY-MM-DD */
                            dueOn: string;
                            /** @enum {string} */
                            kind: "term_ending" | "term_expired" | "continuing" | "assessment_due" | "assessment_overdue" | "extension_used_up";
                        }[];
                        events: {
                            detail: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @enum {string} */
                            kind: "listed" | "assessed" | "extended" | "downgraded" | "delisted" | "relisted";
                            /** @description YYYY-MM-DD */
                            onDate: string;
                            recordedAt: string;
                            recordedBy: string;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        }[];
                        listing: {
                            areaCode: string;
                            areaLevel: ("province" | "city" | "county" | "township" | "village") | null;
                            areaName: string | null;
                            /** @enum {string} */
                            body: "national" | "province" | "city" | "county";
                            categories: ("manufacturing" | "smuggling_channel" | "transit_hub" | "outflow_trafficking" | "illegal_cultivation" | "drug_abuse" | "other")[];
                            /** @description YYYY-MM-DD */
                            decidedOn: string;
                            delistedOn: string | null;
                            extended: boolean;
                            flags: {
                                assessmentOverdue: boolean;
                                continuing: boolean;
                                extensionUsedUp: boolean;
                                nextAssessmentDue: string | null;
                                termExpired: boolean;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @description YYYY-MM-DD */
                            lastEventOn: string;
                            /** @description YYYY-MM-DD */
                            listedOn: string;
                            relistedFrom: number | null;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiListingsByIdOutline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        /** @description minLon, minLat, maxLon, maxLat (WGS84) */
                        bbox: [
                            number,
                            number,
                            number,
                            number
                        ];
                        geometry: {
                            coordinates: unknown;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                        id: string;
                        properties: {
                            code: string;
                            name: string | null;
                        };
                        /** @constant */
                        type: "Feature";
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiListingsByIdRelist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    categories?: ("manufacturing" | "smuggling_channel" | "transit_hub" | "outflow_trafficking" | "illegal_cultivation" | "drug_abuse" | "other")[];
                    /** @enum {string} */
                    grade: "key_rectification" | "key_supervision" | "key_attention";
                    on?: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assessments: {
                            /** @description YYYY-MM-DD */
                            assessedOn: string;
                            conditions: {
                                education: boolean;
                                enforcement: boolean;
                                groundwork: boolean;
                                leadership: boolean;
                                mechanisms: boolean;
                                problem_eased: boolean;
                            };
                            id: number;
                            listingId: number;
                            notes: {
                                education?: string;
                                enforcement?: string;
                                groundwork?: string;
                                leadership?: string;
                                mechanisms?: string;
                                problem_eased?: string;
                            };
                            year: number;
                        }[];
                        due: {
                            days: number;
                            /** @description YYYY-MM-DD */
                            dueOn: string;
                            /** @enum {string} */
                            kind: "term_ending" | "term_expired" | "continuing" | "assessment_due" | "assessment_overdue" | "extension_used_up";
                        }[];
                        events: {
                            detail: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @enum {string} */
                            kind: "listed" | "assessed" | "extended" | "downgraded" | "delisted" | "relisted";
                            /** @description YYYY-MM-DD */
                            onDate: string;
                            recordedAt: string;
                            recordedBy: string;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        }[];
                        listing: {
                            areaCode: string;
                            areaLevel: ("province" | "city" | "county" | "township" | "village") | null;
                            areaName: string | null;
                            /** @enum {string} */
                            body: "national" | "province" | "city" | "county";
                            categories: ("manufacturing" | "smuggling_channel" | "transit_hub" | "outflow_trafficking" | "illegal_cultivation" | "drug_abuse" | "other")[];
                            /** @description YYYY-MM-DD */
                            decidedOn: string;
                            delistedOn: string | null;
                            extended: boolean;
                            flags: {
                                assessmentOverdue: boolean;
                                continuing: boolean;
                                extensionUsedUp: boolean;
                                nextAssessmentDue: string | null;
                                termExpired: boolean;
                            };
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            id: number;
                            /** @description YYYY-MM-DD */
                            lastEventOn: string;
                            /** @description YYYY-MM-DD */
                            listedOn: string;
                            relistedFrom: number | null;
                            /** @enum {string} */
                            status: "listed" | "extended" | "downgraded" | "delisted";
                            /** @description YYYY-MM-DD */
                            termEndsOn: string;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiListingsDue: {
        parameters: {
            query?: {
                as_of?: string;
                within_days?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description YYYY-MM-DD */
                        as_of: string;
                        count: number;
                        items: {
                            areaCode: string;
                            areaName: string | null;
                            days: number;
                            /** @description YYYY-MM-DD */
                            dueOn: string;
                            /** @enum {string} */
                            grade: "key_rectification" | "key_supervision" | "key_attention";
                            /** @enum {string} */
                            kind: "term_ending" | "term_expired" | "continuing" | "assessment_due" | "assessment_overdue" | "extension_used_up";
                            listingId: number;
                            status: string;
                        }[];
                        within_days: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiListingsExportCsv: {
        parameters: {
            query?: {
                area?: string;
                as_of?: string;
                grade?: "key_rectification" | "key_supervision" | "key_attention";
                lang?: "zh" | "en";
                status?: "listed" | "extended" | "downgraded" | "delisted" | "active";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiListingsExportXlsx: {
        parameters: {
            query?: {
                area?: string;
                as_of?: string;
                grade?: "key_rectification" | "key_supervision" | "key_attention";
                lang?: "zh" | "en";
                status?: "listed" | "extended" | "downgraded" | "delisted" | "active";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiOgc: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        description: string;
                        links: {
                            href: string;
                            rel: string;
                            title?: string;
                            type?: string;
                        }[];
                        title: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiOgcCollections: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        collections: {
                            crs: string[];
                            description: string;
                            extent?: {
                                spatial: {
                                    bbox: [
                                        number,
                                        number,
                                        number,
                                        number
                                    ][];
                                    crs: string;
                                };
                            };
                            id: string;
                            /** @constant */
                            itemType: "feature";
                            links: {
                                href: string;
                                rel: string;
                                title?: string;
                                type?: string;
                            }[];
                            title: string;
                        }[];
                        links: {
                            href: string;
                            rel: string;
                            title?: string;
                            type?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiOgcCollectionsByCollectionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        crs: string[];
                        description: string;
                        extent?: {
                            spatial: {
                                bbox: [
                                    number,
                                    number,
                                    number,
                                    number
                                ][];
                                crs: string;
                            };
                        };
                        id: string;
                        /** @constant */
                        itemType: "feature";
                        links: {
                            href: string;
                            rel: string;
                            title?: string;
                            type?: string;
                        }[];
                        title: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiOgcCollectionsByCollectionIdItems: {
        parameters: {
            query?: {
                bbox?: string;
                datetime?: string;
                f?: "json" | "geojson";
                filter?: string;
                "filter-crs"?: "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
                "filter-lang"?: "cql2-text";
                limit?: string;
                offset?: string;
            };
            header?: never;
            path: {
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        features: {
                            /** @description minLon, minLat, maxLon, maxLat (WGS84) */
                            bbox?: [
                                number,
                                number,
                                number,
                                number
                            ];
                            geometry: ({
                                coordinates: unknown;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            }) | null;
                            id?: string | number;
                            properties: {
                                [key: string]: unknown;
                            } | null;
                            /** @constant */
                            type: "Feature";
                        }[];
                        links: {
                            href: string;
                            rel: string;
                            title?: string;
                            type?: string;
                        }[];
                        numberMatched: number;
                        numberReturned: number;
                        timeStamp: string;
                        /** @constant */
                        type: "FeatureCollection";
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiOgcCollectionsByCollectionIdItemsByFeatureId: {
        parameters: {
            query?: {
                f?: "json" | "geojson";
            };
            header?: never;
            path: {
                collectionId: string;
                featureId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        /** @description minLon, minLat, maxLon, maxLat (WGS84) */
                        bbox?: [
                            number,
                            number,
                            number,
                            number
                        ];
                        geometry: ({
                            coordinates: unknown;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        id?: string | number;
                        links: {
                            href: string;
                            rel: string;
                            title?: string;
                            type?: string;
                        }[];
                        properties: {
                            [key: string]: unknown;
                        } | null;
                        /** @constant */
                        type: "Feature";
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiOgcCollectionsByCollectionIdQueryables: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/schema+json": {
                        $id: string;
                        $schema: string;
                        /** @constant */
                        additionalProperties: false;
                        properties: {
                            [key: string]: {
                                description: string;
                                format?: string;
                                title: string;
                                type: string;
                            };
                        };
                        title: string;
                        /** @constant */
                        type: "object";
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiOgcConformance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        conformsTo: string[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiOverview: {
        parameters: {
            query?: {
                as_of?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        asOf: string;
                        checkpoints: {
                            cases: number;
                            checkpoints: number;
                            days: number;
                            on_border: number;
                            people: number;
                            precursors_kg: number;
                            seized_kg: {
                                [key: string]: number;
                            };
                            vehicles: number;
                        };
                        generatedAt: string;
                        inspections: {
                            firms_due_7d: number;
                            firms_overdue: number;
                            venues_due_7d: number;
                            venues_overdue: number;
                        };
                        jurisdiction: string;
                        listings: {
                            delisted_12m: number;
                            key_attention: number;
                            key_rectification: number;
                            key_supervision: number;
                            past_term: number;
                            term_ending_30d: number;
                        };
                        /** @description Counts and rates for office and admin; the rates only for the wall; null for other roles */
                        people: ({
                            /** @description 管控率: under control / registered */
                            controlRate: number | null;
                            counts: {
                                registered: number;
                                rehabDone: number;
                                rehabDue: number;
                                riskHigh: number;
                                underControl: number;
                            };
                            month: string | null;
                            /** @description 执行率: community rehabilitation done / due */
                            rehabExecutionRate: number | null;
                        } | {
                            /** @description 管控率: under control / registered */
                            controlRate: number | null;
                            month: string | null;
                            /** @description 执行率: community rehabilitation done / due */
                            rehabExecutionRate: number | null;
                        }) | null;
                        signals: {
                            topRising: {
                                code: string;
                                coverage: number;
                                name: string;
                                pctChange: number | null;
                                trend: string;
                            }[];
                            /** @description Townships per index trend */
                            townshipsByTrend: {
                                [key: string]: number;
                            };
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiPatrolsDue: {
        parameters: {
            query?: {
                as_of?: string;
                within_days?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        as_of: string;
                        count: number;
                        items: {
                            address: string;
                            /** @description Firms: precursor category 1–3 */
                            category: number | null;
                            id: number;
                            /** @enum {string} */
                            kind: "firm" | "venue";
                            lastInspectedOn: string | null;
                            lastOutcome: ("ok" | "issues" | "violation") | null;
                            lat: number;
                            licenceExpiry: string | null;
                            /** @enum {string} */
                            licenceState: "expired" | "expiring" | "valid" | "none";
                            lon: number;
                            name: string;
                            nextDue: string;
                            openingHours: string | null;
                            overdue: boolean;
                            /** @description Days past due; negative while not yet due */
                            overdueDays: number;
                            /** @description Venues: risk grade */
                            risk: ("low" | "medium" | "high") | null;
                            score: number;
                            /** @description Venues: hotel, ktv, …; firms: producer, trader, user */
                            subKind: string;
                            townshipName: string | null;
                        }[];
                        overdue: number;
                        within_days: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiPatrolsPlan: {
        parameters: {
            query?: {
                date?: string;
                day_end?: string;
                day_start?: string;
                max_stops?: string;
                start?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assumptions: {
                            averageSpeedKmh: number;
                            minutesPerStop: number;
                            roadFactor: number;
                        };
                        count: number;
                        date: string;
                        driveMinutes: number;
                        finishAt: string;
                        path: {
                            geometry: {
                                coordinates: number[][];
                                /** @constant */
                                type: "LineString";
                            };
                            properties: {
                                count: number;
                                date: string;
                            };
                            /** @constant */
                            type: "Feature";
                        };
                        start: {
                            lat: number;
                            lon: number;
                            name: string | null;
                            /** @enum {string} */
                            source: "given" | "county_seat";
                        };
                        stops: {
                            address: string;
                            beginAt: string;
                            /** @description Firms: precursor category 1–3 */
                            category: number | null;
                            cumulativeKm: number;
                            eta: string;
                            hoursKnown: boolean;
                            id: number;
                            /** @enum {string} */
                            kind: "firm" | "venue";
                            lastInspectedOn: string | null;
                            lastOutcome: ("ok" | "issues" | "violation") | null;
                            lat: number;
                            legKm: number;
                            licenceExpiry: string | null;
                            /** @enum {string} */
                            licenceState: "expired" | "expiring" | "valid" | "none";
                            lon: number;
                            name: string;
                            nextDue: string;
                            openingHours: string | null;
                            overdue: boolean;
                            /** @description Days past due; negative while not yet due */
                            overdueDays: number;
                            /** @description Venues: risk grade */
                            risk: ("low" | "medium" | "high") | null;
                            score: number;
                            seq: number;
                            /** @description Venues: hotel, ktv, …; firms: producer, trader, user */
                            subKind: string;
                            townshipName: string | null;
                            waitMinutes: number;
                            window: {
                                /** @description HH:MM */
                                from: string;
                                /** @description HH:MM */
                                to: string;
                            };
                        }[];
                        totalKm: number;
                        totalMinutes: number;
                        /** @description The most urgent stops that could not fit, with the reason */
                        unplaced: {
                            address: string;
                            /** @description Firms: precursor category 1–3 */
                            category: number | null;
                            hoursKnown: boolean;
                            id: number;
                            /** @enum {string} */
                            kind: "firm" | "venue";
                            lastInspectedOn: string | null;
                            lastOutcome: ("ok" | "issues" | "violation") | null;
                            lat: number;
                            licenceExpiry: string | null;
                            /** @enum {string} */
                            licenceState: "expired" | "expiring" | "valid" | "none";
                            lon: number;
                            name: string;
                            nextDue: string;
                            openingHours: string | null;
                            overdue: boolean;
                            /** @description Days past due; negative while not yet due */
                            overdueDays: number;
                            /** @enum {string} */
                            reason: "closed_all_day" | "outside_working_hours" | "window_missed" | "beyond_working_hours";
                            /** @description Venues: risk grade */
                            risk: ("low" | "medium" | "high") | null;
                            score: number;
                            /** @description Venues: hotel, ktv, …; firms: producer, trader, user */
                            subKind: string;
                            townshipName: string | null;
                            windows: {
                                /** @description HH:MM */
                                from: string;
                                /** @description HH:MM */
                                to: string;
                            }[];
                        }[];
                        unplacedCount: number;
                        waitMinutes: number;
                        workingHours: {
                            /** @description HH:MM */
                            from: string;
                            /** @description HH:MM */
                            to: string;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            /** @description No start point (problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiSearch: {
        parameters: {
            query: {
                limit?: string;
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        query: string;
                        results: {
                            /** @description minLon, minLat, maxLon, maxLat (WGS84) */
                            bbox: [
                                number,
                                number,
                                number,
                                number
                            ];
                            code: string;
                            id: number;
                            /** @enum {string} */
                            kind: "area" | "grid" | "checkpoint" | "firm" | "venue" | "wastewater_site";
                            /** @description The map layer it is drawn in */
                            layer: string;
                            level: string | null;
                            name: string;
                            parentName: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description null when signed out */
                        user: {
                            displayName: string;
                            /** @description Grids assigned to a grid officer (empty for other roles) */
                            gridCodes: string[];
                            id: number;
                            /** @description 12-digit code of the area the user answers for */
                            jurisdictionCode: string;
                            /** @description Signed in with a read-only API token (a wall display): reads only, every write is refused */
                            readOnly?: boolean;
                            /** @enum {string} */
                            role: "admin" | "office" | "inspector" | "grid_officer" | "wall" | "viewer";
                            /** @description The code's significant prefix ('4380' for a city): an area or site is in scope iff its code starts with it */
                            scopePrefix: string;
                            username: string;
                        } | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    username: string;
                } | {
                    token: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description ISO 8601; the cookie ends then */
                        expiresAt: string;
                        user: {
                            displayName: string;
                            /** @description Grids assigned to a grid officer (empty for other roles) */
                            gridCodes: string[];
                            id: number;
                            /** @description 12-digit code of the area the user answers for */
                            jurisdictionCode: string;
                            /** @description Signed in with a read-only API token (a wall display): reads only, every write is refused */
                            readOnly?: boolean;
                            /** @enum {string} */
                            role: "admin" | "office" | "inspector" | "grid_officer" | "wall" | "viewer";
                            /** @description The code's significant prefix ('4380' for a city): an area or site is in scope iff its code starts with it */
                            scopePrefix: string;
                            username: string;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    deleteApiSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, nothing to return */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiSessionDemoAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accounts: {
                            displayName: string;
                            role: string;
                            username: string;
                        }[];
                        demo: boolean;
                        /** @description The demo accounts' shared password (only while the demo is on) */
                        password?: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiStyleJson: {
        parameters: {
            query?: {
                as_of?: string;
                lang?: "zh-CN" | "en";
                scheme?: "light" | "dark";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        layers: {
                            [key: string]: unknown;
                        }[];
                        sources: {
                            [key: string]: unknown;
                        };
                        /** @description 8 */
                        version: number;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiTilesByLayerByZByXByFile: {
        parameters: {
            query?: {
                as_of?: string;
                filter?: string;
                "filter-crs"?: "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
                "filter-lang"?: "cql2-text";
                /** @description Cache-busting token of the client; ignored */
                v?: string;
            };
            header?: never;
            path: {
                /** @description {y}.mvt */
                file: string;
                layer: string;
                x: string;
                z: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tile (protobuf) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.mapbox-vector-tile": string;
                };
            };
            /** @description Empty tile */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified (ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiUsers: {
        parameters: {
            query?: {
                active?: "0" | "1";
                q?: string;
                role?: "admin" | "office" | "inspector" | "grid_officer" | "wall" | "viewer";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        users: {
                            active: boolean;
                            activeTokens: number;
                            createdAt: string;
                            demo: boolean;
                            displayName: string;
                            duty: string | null;
                            gridCodes: string[];
                            hasPassword: boolean;
                            id: number;
                            jurisdictionCode: string;
                            jurisdictionName: string | null;
                            /** @enum {string} */
                            role: "admin" | "office" | "inspector" | "grid_officer" | "wall" | "viewer";
                            updatedAt: string;
                            username: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    display_name: string;
                    duty?: ("grid_officer" | "community_police" | "social_worker") | null;
                    grid_codes?: string[];
                    jurisdiction_code?: string;
                    password?: string;
                    /** @enum {string} */
                    role: "admin" | "office" | "inspector" | "grid_officer" | "wall" | "viewer";
                    username: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The generated password, shown once */
                        password?: string;
                        user: {
                            active: boolean;
                            activeTokens: number;
                            createdAt: string;
                            demo: boolean;
                            displayName: string;
                            duty: string | null;
                            gridCodes: string[];
                            hasPassword: boolean;
                            id: number;
                            jurisdictionCode: string;
                            jurisdictionName: string | null;
                            /** @enum {string} */
                            role: "admin" | "office" | "inspector" | "grid_officer" | "wall" | "viewer";
                            updatedAt: string;
                            username: string;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tokens: {
                            createdAt: string;
                            createdBy: string | null;
                            expiresAt: string | null;
                            id: number;
                            label: string;
                            readOnly: boolean;
                            revokedAt: string | null;
                        }[];
                        user: {
                            active: boolean;
                            activeTokens: number;
                            createdAt: string;
                            demo: boolean;
                            displayName: string;
                            duty: string | null;
                            gridCodes: string[];
                            hasPassword: boolean;
                            id: number;
                            jurisdictionCode: string;
                            jurisdictionName: string | null;
                            /** @enum {string} */
                            role: "admin" | "office" | "inspector" | "grid_officer" | "wall" | "viewer";
                            updatedAt: string;
                            username: string;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    patchApiUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    display_name?: string;
                    duty?: ("grid_officer" | "community_police" | "social_worker") | null;
                    grid_codes?: string[];
                    jurisdiction_code?: string;
                    /** @enum {string} */
                    role?: "admin" | "office" | "inspector" | "grid_officer" | "wall" | "viewer";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            active: boolean;
                            activeTokens: number;
                            createdAt: string;
                            demo: boolean;
                            displayName: string;
                            duty: string | null;
                            gridCodes: string[];
                            hasPassword: boolean;
                            id: number;
                            jurisdictionCode: string;
                            jurisdictionName: string | null;
                            /** @enum {string} */
                            role: "admin" | "office" | "inspector" | "grid_officer" | "wall" | "viewer";
                            updatedAt: string;
                            username: string;
                        };
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiUsersByIdPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The generated password, shown once */
                        password?: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiUsersByIdTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tokens: {
                            createdAt: string;
                            createdBy: string | null;
                            expiresAt: string | null;
                            id: number;
                            label: string;
                            readOnly: boolean;
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiUsersByIdTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expires_on?: string;
                    label: string;
                    /** @default true */
                    read_only?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        createdBy: string | null;
                        expiresAt: string | null;
                        id: number;
                        label: string;
                        readOnly: boolean;
                        revokedAt: string | null;
                        /** @description The token itself, shown once and never again */
                        token: string;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    deleteApiUsersByIdTokensByTokenId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, nothing to return */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiVenuesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string;
                        code: string;
                        id: number;
                        inspectionEveryDays: number;
                        /** @description The latest ten, newest first */
                        inspections: {
                            findings: string;
                            id: number;
                            inspectedOn: string;
                            inspector: string;
                            /** @enum {string} */
                            outcome: "ok" | "issues" | "violation";
                        }[];
                        /** @enum {string} */
                        kind: "hotel" | "bar" | "ktv" | "bathhouse" | "internet_cafe" | "private_club";
                        lastInspection: {
                            findings: string;
                            id: number;
                            inspectedOn: string;
                            inspector: string;
                            /** @enum {string} */
                            outcome: "ok" | "issues" | "violation";
                        } | null;
                        lat: number;
                        lon: number;
                        name: string;
                        nextDue: string;
                        openingHours: string | null;
                        /** @enum {string} */
                        risk: "low" | "medium" | "high";
                        townshipCode: string;
                        townshipName: string | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    putApiVenuesByIdOpeningHours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    opening_hours: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @description Canonical form; null when cleared */
                        openingHours: string | null;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiWallChanges: {
        parameters: {
            query: {
                limit?: string;
                since: string;
                until?: string;
                visitor?: "0" | "1";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checkpointCases: {
                            cases: number;
                            items: {
                                cases: number;
                                countyName: string | null;
                                day: string;
                                id: number;
                                kind: string;
                                name: string | null;
                                seizedKg: number;
                            }[];
                        };
                        flaggedCheckIns: {
                            count: number;
                            items: {
                                distanceM: number;
                                inspector: string | null;
                                /** @enum {string} */
                                kind: "firm" | "venue";
                                name: string | null;
                                recordedAt: string;
                                subKind: string;
                                townshipName: string | null;
                            }[];
                        };
                        listings: {
                            delisted: number;
                            items: {
                                areaCode: string;
                                areaName: string | null;
                                grade: string;
                                /** @enum {string} */
                                kind: "listed" | "relisted" | "delisted";
                                level: string | null;
                                onDate: string;
                                recordedAt: string;
                                /** @description null in visitor mode */
                                recordedBy: string | null;
                            }[];
                            listed: number;
                        };
                        overdue: {
                            count: number;
                            items: {
                                due: string;
                                id: number;
                                /** @enum {string} */
                                kind: "firm" | "venue";
                                name: string | null;
                                subKind: string;
                                townshipName: string | null;
                            }[];
                        };
                        rising: {
                            count: number;
                            items: {
                                areaCode: string;
                                areaName: string;
                                pctChange: number | null;
                                since: string;
                                trend: string;
                            }[];
                        };
                        since: string;
                        until: string;
                        visitor: boolean;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiWastewaterAreasByCodeSeries: {
        parameters: {
            query?: {
                from?: string;
                period?: "week" | "month";
                substance?: "methamphetamine" | "amphetamine" | "ketamine" | "mdma" | "morphine" | "benzoylecgonine" | "index";
                to?: string;
                window_weeks?: string;
            };
            header?: never;
            path: {
                /** @description statistical division code (2–12 digits) */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        area: {
                            code: string;
                            level: string;
                            name: string;
                            population: number;
                        };
                        /** @enum {string} */
                        period: "week" | "month";
                        points: {
                            /** @description Every sample behind the point was below the LOQ */
                            censored: boolean;
                            coveredPeople?: number;
                            loadMgDay: number;
                            n: number;
                            nCensored: number;
                            /** @description Upper bound: results below the LOQ at their limit */
                            normalised: number;
                            /** @description Lower bound: results below the LOQ at 0 */
                            normalisedLo: number;
                            nSites?: number;
                            period: string;
                        }[];
                        signal: {
                            areaCode: string;
                            areaName: string;
                            /** @description Share of the weekly values below detection */
                            censoredShare: number;
                            computedAt: string;
                            coverage: number;
                            divergent: boolean;
                            enforcementP: number | null;
                            /** @description Enforcement over the same window (index rows rising significantly) */
                            enforcementTrend: string | null;
                            /** @description The plants' combined Kendall statistic */
                            kendallS: number | null;
                            kendallVar: number | null;
                            kendallZ: number | null;
                            /** @description The latest value is an upper bound ("<") */
                            latestCensored: boolean;
                            latestLoad: number | null;
                            level: string;
                            nPlants: number;
                            nPlantsUsed: number;
                            nSamples: number;
                            panelJoined: number;
                            panelLeft: number;
                            pctChange: number | null;
                            pValue: number | null;
                            senSlope: number | null;
                            substance: string;
                            trend: string;
                            windowWeeks: number;
                        } | null;
                        /** @enum {string} */
                        substance: "methamphetamine" | "amphetamine" | "ketamine" | "mdma" | "morphine" | "benzoylecgonine" | "index";
                        trend: {
                            /**
                             * @description plants: an area's consensus of its plants (area_signal); series: this series' own test
                             * @enum {string}
                             */
                            basis: "plants" | "series";
                            beforeMean: number | null;
                            /** @enum {string} */
                            category: "rising_significant" | "rising" | "flat" | "falling" | "falling_significant" | "below_detection" | "insufficient";
                            censoredShare: number;
                            intercept: number | null;
                            latest: number | null;
                            latestCensored: boolean;
                            limit: number | null;
                            /** @description The trend line at the first and last point of the trend window */
                            line: {
                                from: {
                                    period: string;
                                    value: number;
                                };
                                to: {
                                    period: string;
                                    value: number;
                                };
                            } | null;
                            n: number;
                            nCensored: number;
                            p: number;
                            pctChange: number | null;
                            points: number;
                            recensored: number;
                            recentCensored: number;
                            recentMean: number | null;
                            recentN: number;
                            s: number;
                            senSlope: number | null;
                            tau: number;
                            varS: number;
                            z: number;
                        };
                        /** @constant */
                        unit: "mg/day/1000 inhabitants";
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiWastewaterAreasByCodeSignals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description statistical division code (2–12 digits) */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        area: {
                            code: string;
                            level: string;
                            name: string;
                            population: number;
                        };
                        signals: {
                            areaCode: string;
                            areaName: string;
                            /** @description Share of the weekly values below detection */
                            censoredShare: number;
                            computedAt: string;
                            coverage: number;
                            divergent: boolean;
                            enforcementP: number | null;
                            /** @description Enforcement over the same window (index rows rising significantly) */
                            enforcementTrend: string | null;
                            /** @description The plants' combined Kendall statistic */
                            kendallS: number | null;
                            kendallVar: number | null;
                            kendallZ: number | null;
                            /** @description The latest value is an upper bound ("<") */
                            latestCensored: boolean;
                            latestLoad: number | null;
                            level: string;
                            nPlants: number;
                            nPlantsUsed: number;
                            nSamples: number;
                            panelJoined: number;
                            panelLeft: number;
                            pctChange: number | null;
                            pValue: number | null;
                            senSlope: number | null;
                            substance: string;
                            trend: string;
                            windowWeeks: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiWastewaterDivergent: {
        parameters: {
            query?: {
                level?: "township" | "county" | "city" | "province" | "all";
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signals: {
                            areaCode: string;
                            areaName: string;
                            /** @description Share of the weekly values below detection */
                            censoredShare: number;
                            computedAt: string;
                            coverage: number;
                            divergent: boolean;
                            enforcementP: number | null;
                            /** @description Enforcement over the same window (index rows rising significantly) */
                            enforcementTrend: string | null;
                            /** @description The plants' combined Kendall statistic */
                            kendallS: number | null;
                            kendallVar: number | null;
                            kendallZ: number | null;
                            /** @description The latest value is an upper bound ("<") */
                            latestCensored: boolean;
                            latestLoad: number | null;
                            level: string;
                            nPlants: number;
                            nPlantsUsed: number;
                            nSamples: number;
                            panelJoined: number;
                            panelLeft: number;
                            pctChange: number | null;
                            pValue: number | null;
                            senSlope: number | null;
                            substance: string;
                            trend: string;
                            windowWeeks: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiWastewaterImports: {
        parameters: {
            query?: {
                accept_skipping?: "0" | "1" | "true" | "false";
                async?: "0" | "1" | "true" | "false";
                dry_run?: "0" | "1" | "true" | "false";
                encoding?: "gbk" | "utf-8";
                filename?: string;
                lab?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
                "text/csv": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        dryRun: boolean;
                        encoding: string | null;
                        filename: string;
                        /** @enum {string} */
                        format: "csv" | "xlsx";
                        importId: number | null;
                        /** @description Rows imported with a correction the lab should know of */
                        notices: {
                            code: string;
                            column: string | null;
                            field: string | null;
                            message: string;
                            /** @description Spreadsheet row (1 = header); 0 for the file as a whole */
                            row: number;
                            value?: string;
                        }[];
                        /** @description A file with the same SHA-256 imported before */
                        previousImport: {
                            id: number;
                            importedAt: string;
                            importedBy: string;
                        } | null;
                        problems: {
                            code: string;
                            column: string | null;
                            field: string | null;
                            message: string;
                            /** @description Spreadsheet row (1 = header); 0 for the file as a whole */
                            row: number;
                            value?: string;
                        }[];
                        recompute?: {
                            areas: number;
                            asOf: string | null;
                            ms: {
                                [key: string]: number;
                            };
                        };
                        rowsAlreadyImported: number;
                        rowsCensoredByLoq: number;
                        rowsImported: number;
                        rowsSkipped: number;
                        rowsToImport: number;
                        rowsTotal: number;
                        rowsValid: number;
                        sha256: string;
                        /** @description Sampling sites of the rows to import */
                        sites: number;
                        /** @enum {string} */
                        status: "clean" | "has_problems" | "imported" | "imported_skipping" | "unchanged";
                    };
                };
            };
            /** @description Rows imported (the same report) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Started in the background (async=1): the job, polled at Location */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiWastewaterImportsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        dryRun: boolean;
                        /** @description The problem that ended it (title, detail, …) */
                        error: {
                            [key: string]: unknown;
                        } | null;
                        hasPreview: boolean;
                        id: string;
                        layer: string;
                        progress: {
                            done: number;
                            elapsedSeconds: number;
                            etaSeconds: number | null;
                            fraction: number;
                            /** @enum {string} */
                            phase: "reading" | "checking" | "writing" | "recomputing" | "done";
                            total: number | null;
                        } | null;
                        report: {
                            dryRun: boolean;
                            encoding: string | null;
                            filename: string;
                            /** @enum {string} */
                            format: "csv" | "xlsx";
                            importId: number | null;
                            /** @description Rows imported with a correction the lab should know of */
                            notices: {
                                code: string;
                                column: string | null;
                                field: string | null;
                                message: string;
                                /** @description Spreadsheet row (1 = header); 0 for the file as a whole */
                                row: number;
                                value?: string;
                            }[];
                            /** @description A file with the same SHA-256 imported before */
                            previousImport: {
                                id: number;
                                importedAt: string;
                                importedBy: string;
                            } | null;
                            problems: {
                                code: string;
                                column: string | null;
                                field: string | null;
                                message: string;
                                /** @description Spreadsheet row (1 = header); 0 for the file as a whole */
                                row: number;
                                value?: string;
                            }[];
                            recompute?: {
                                areas: number;
                                asOf: string | null;
                                ms: {
                                    [key: string]: number;
                                };
                            };
                            rowsAlreadyImported: number;
                            rowsCensoredByLoq: number;
                            rowsImported: number;
                            rowsSkipped: number;
                            rowsToImport: number;
                            rowsTotal: number;
                            rowsValid: number;
                            sha256: string;
                            /** @description Sampling sites of the rows to import */
                            sites: number;
                            /** @enum {string} */
                            status: "clean" | "has_problems" | "imported" | "imported_skipping" | "unchanged";
                        } | null;
                        /** @enum {string} */
                        state: "running" | "done" | "refused" | "failed";
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    postApiWastewaterRecompute: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    as_of?: string;
                    window_weeks?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        areas: number;
                        asOf: string | null;
                        /** @description Milliseconds per step */
                        ms: {
                            [key: string]: number;
                        };
                        signals: number;
                        windowWeeks: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiWastewaterRising: {
        parameters: {
            query?: {
                level?: "township" | "county" | "city" | "province" | "all";
                limit?: string;
                substance?: "methamphetamine" | "amphetamine" | "ketamine" | "mdma" | "morphine" | "benzoylecgonine" | "index";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signals: {
                            areaCode: string;
                            areaName: string;
                            /** @description Share of the weekly values below detection */
                            censoredShare: number;
                            computedAt: string;
                            coverage: number;
                            divergent: boolean;
                            enforcementP: number | null;
                            /** @description Enforcement over the same window (index rows rising significantly) */
                            enforcementTrend: string | null;
                            /** @description The plants' combined Kendall statistic */
                            kendallS: number | null;
                            kendallVar: number | null;
                            kendallZ: number | null;
                            /** @description The latest value is an upper bound ("<") */
                            latestCensored: boolean;
                            latestLoad: number | null;
                            level: string;
                            nPlants: number;
                            nPlantsUsed: number;
                            nSamples: number;
                            panelJoined: number;
                            panelLeft: number;
                            pctChange: number | null;
                            pValue: number | null;
                            senSlope: number | null;
                            substance: string;
                            tracingSites: {
                                code: string;
                                lat: number;
                                latestDate: string | null;
                                latestNormalised: number | null;
                                lon: number;
                                name: string;
                                plantCode: string;
                            }[];
                            trend: string;
                            windowWeeks: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiWastewaterSites: {
        parameters: {
            query?: {
                substance?: "methamphetamine" | "amphetamine" | "ketamine" | "mdma" | "morphine" | "benzoylecgonine" | "index";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sites: {
                            code: string;
                            id: number;
                            /** @enum {string} */
                            kind: "plant_inlet" | "tracing";
                            lat: number;
                            latestCensored: boolean | null;
                            latestLoadMgDay: number | null;
                            latestNormalised: number | null;
                            latestWeek: string | null;
                            lon: number;
                            name: string;
                            parentCode: string | null;
                            populationServed: number;
                            townshipCode: string;
                        }[];
                        /** @enum {string} */
                        substance: "methamphetamine" | "amphetamine" | "ketamine" | "mdma" | "morphine" | "benzoylecgonine" | "index";
                        /** @constant */
                        unit: "mg/day/1000 inhabitants";
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getApiWastewaterSitesByCodeSeries: {
        parameters: {
            query?: {
                from?: string;
                period?: "week" | "month";
                substance?: "methamphetamine" | "amphetamine" | "ketamine" | "mdma" | "morphine" | "benzoylecgonine" | "index";
                to?: string;
                window_weeks?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        period: "week" | "month";
                        points: {
                            /** @description Every sample behind the point was below the LOQ */
                            censored: boolean;
                            coveredPeople?: number;
                            loadMgDay: number;
                            n: number;
                            nCensored: number;
                            /** @description Upper bound: results below the LOQ at their limit */
                            normalised: number;
                            /** @description Lower bound: results below the LOQ at 0 */
                            normalisedLo: number;
                            nSites?: number;
                            period: string;
                        }[];
                        site: {
                            code: string;
                            kind: string;
                            name: string;
                            populationServed: number;
                        };
                        /** @enum {string} */
                        substance: "methamphetamine" | "amphetamine" | "ketamine" | "mdma" | "morphine" | "benzoylecgonine" | "index";
                        trend: {
                            /**
                             * @description plants: an area's consensus of its plants (area_signal); series: this series' own test
                             * @enum {string}
                             */
                            basis: "plants" | "series";
                            beforeMean: number | null;
                            /** @enum {string} */
                            category: "rising_significant" | "rising" | "flat" | "falling" | "falling_significant" | "below_detection" | "insufficient";
                            censoredShare: number;
                            intercept: number | null;
                            latest: number | null;
                            latestCensored: boolean;
                            limit: number | null;
                            /** @description The trend line at the first and last point of the trend window */
                            line: {
                                from: {
                                    period: string;
                                    value: number;
                                };
                                to: {
                                    period: string;
                                    value: number;
                                };
                            } | null;
                            n: number;
                            nCensored: number;
                            p: number;
                            pctChange: number | null;
                            points: number;
                            recensored: number;
                            recentCensored: number;
                            recentMean: number | null;
                            recentN: number;
                            s: number;
                            senSlope: number | null;
                            tau: number;
                            varS: number;
                            z: number;
                        };
                        /** @constant */
                        unit: "mg/day/1000 inhabitants";
                    };
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            429: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
}
