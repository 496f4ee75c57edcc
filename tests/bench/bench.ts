console.log('bench: see issue 11');
