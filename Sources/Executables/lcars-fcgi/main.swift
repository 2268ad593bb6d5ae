import FCGIApp

// lcars-fcgi: everything lives in the FCGIApp library (FCGIMain.swift), so that the fuzz
// entries and tests can link it; this executable only starts it.
FCGIMain.main()
