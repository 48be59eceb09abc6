// An engine thread that cannot start (a broken install, an unreadable knowledge directory).
throw new Error('this engine thread cannot start');
