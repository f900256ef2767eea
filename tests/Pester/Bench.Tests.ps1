# Smoke run of the bench: 'tools/Bench.ps1 -Quick' (small N, one repeat) against the built out/, in a child pwsh. It
# checks that the table is complete, every row measured or explicitly skipped with how to install its peer. It
# never judges a timing: the goals belong to a full run on a quiet machine.
Describe 'build.ps1 Bench -Quick' -Tag 'Bench' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $root = Get-SmTestRoot
        $script:jsonPath = Join-Path ([IO.Path]::GetTempPath()) ("sm-bench-" + [guid]::NewGuid().ToString('N') + '.json')
        $pwsh = @(if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { [Environment]::ProcessPath; Join-Path $PSHOME 'pwsh.dll' } else { [Environment]::ProcessPath })
        $script:output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'tools/Bench.ps1') `
            -ModulePath (Get-SmTestModulePath) -ToolPath (Join-Path $root 'out/tool') -BenchToolPath (Join-Path $root 'out/bench') -Quick -Json $script:jsonPath 2>&1 |
            ForEach-Object { "$_" }
        $script:exitCode = $LASTEXITCODE
        $script:rows = if (Test-Path $script:jsonPath) { @(Get-Content -Raw $script:jsonPath | ConvertFrom-Json) } else { @() }
    }
    AfterAll {
        if ($script:jsonPath -and (Test-Path $script:jsonPath)) { Remove-Item $script:jsonPath }
    }

    It 'ends without an error' {
        $script:exitCode | Should -Be 0 -Because ($script:output -join "`n")
    }

    It 'writes one row for each of P1..P9, in the order of their ids, each once' {
        $ids = @($script:rows.id)
        foreach ($id in 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9') { $ids | Should -Contain $id }
        ($ids | Sort-Object { [int] $_.Substring(1) }) -join ',' | Should -Be ($ids -join ',') -Because 'the rows come in the order of their ids'
        ($ids | Select-Object -Unique).Count | Should -Be $ids.Count
    }

    It 'prints the table with every id and its goal' {
        $text = $script:output -join "`n"
        foreach ($row in $script:rows) {
            $text | Should -Match "(?m)^$($row.id)\s"
            $text | Should -Match ([regex]::Escape($row.goal))
        }
    }

    It 'gives every row the fields of the JSON format' {
        foreach ($row in $script:rows) {
            foreach ($name in 'id', 'measure', 'subject', 'baseline', 'unit', 'ratio', 'goal', 'met') {
                $row.PSObject.Properties.Name | Should -Contain $name -Because "row $($row.id)"
            }
            $row.goal | Should -Not -BeNullOrEmpty -Because "row $($row.id)"
        }
    }

    It 'measures every row, or skips it saying how to install the peer' {
        foreach ($row in $script:rows) {
            if ($null -eq $row.met) {
                $row.skipped | Should -Match 'apt-get install' -Because "row $($row.id) is skipped"
                $row.subject | Should -BeOfType [ValueType] -Because "the module's own side of row $($row.id) is still measured"
            }
            else {
                $row.met | Should -BeOfType [bool] -Because "row $($row.id)"
                $row.detail | Should -Not -Match '^failed:' -Because "row $($row.id)"
                $row.subject | Should -BeOfType [ValueType] -Because "row $($row.id)"
                $row.baseline | Should -BeOfType [ValueType] -Because "row $($row.id)"
                $row.ratio | Should -BeOfType [ValueType] -Because "row $($row.id)"
            }
        }
    }

    It 'reports boto3 in P2, measured or skipped with how to install it' {
        $p2 = $script:rows | Where-Object id -EQ 'P2'
        if ($null -eq $p2.figures.boto3Ms) { $p2.skipped | Should -Match 'apt-get install -y python3-boto3' }
        else { $p2.figures.boto3Ms | Should -BeGreaterThan 0 }
    }

    It 'checks the batching of P4 and the paging of P5 by request counts' {
        $p4 = $script:rows | Where-Object id -EQ 'P4'
        $p4.figures.batchCalls | Should -Be $p4.figures.expectedBatchCalls
        $p4.figures.getSecretValueCalls | Should -Be 0
        $p5 = $script:rows | Where-Object id -EQ 'P5'
        $p5.figures.pagesBeforeFirstObject | Should -Be 1
        $p5.figures.listed | Should -Be $p5.figures.secrets
    }

    It 'measures P1 beside its floors: a one-function module''s import and a first signed HttpClient call' {
        $p1 = $script:rows | Where-Object id -EQ 'P1'
        $p1.goal | Should -Match '1\.5x a one-function script module'
        $p1.goal | Should -Match '0\.30x a bare pwsh start'
        foreach ($figure in 'importMs', 'emptyModuleImportMs', 'rawFirstCallMs', 'bareStartMs', 'importToFloor', 'totalToBareStart') {
            $p1.figures.$figure | Should -BeGreaterThan 0 -Because $figure
        }
    }

    It 'counts the calls of P7''s rotations at the endpoint: at most 5 each, one more with a generated password' {
        $p7 = $script:rows | Where-Object id -EQ 'P7'
        $p7.figures.rotated | Should -Be $p7.figures.secrets
        $p7.figures.callsPerRotation | Should -BeLessOrEqual 5
        $p7.figures.callsWithGeneratedPassword | Should -Be ($p7.figures.callsPerRotation + 1)
        # The goal says which provider it is judged with, and what the default one costs.
        $p7.goal | Should -Match '<= 5 with a -New provider \(the default provider makes 6: \+GetRandomPassword\)'
        $p7.detail | Should -Match 'API calls each with -New \([\d.]+ with the default provider'
    }

    It 'counts the requests of P8: at most 20 with -MaxAge, one per read without it' {
        $p8 = $script:rows | Where-Object id -EQ 'P8'
        $p8.figures.cachedRequests | Should -BeLessOrEqual 20
        $p8.figures.pipedCachedRequests | Should -BeLessOrEqual 20
        $p8.figures.freshRequests | Should -Be $p8.figures.reads
    }

    It 'checks by request counts that a second copy of P9 writes nothing and reads at most ceil(N/20) values on each side' {
        $p9 = $script:rows | Where-Object id -EQ 'P9'
        $p9.figures.created | Should -Be $p9.figures.secrets
        $p9.figures.unchanged | Should -Be $p9.figures.secrets
        $p9.figures.secondWrites | Should -Be 0
        $p9.figures.maxValueReads | Should -Be ([math]::Ceiling($p9.figures.secrets / 20))
        $p9.figures.firstSourceValueReads | Should -BeLessOrEqual $p9.figures.maxValueReads
        $p9.figures.secondSourceValueReads | Should -BeLessOrEqual $p9.figures.maxValueReads
        $p9.figures.secondDestinationValueReads | Should -BeLessOrEqual $p9.figures.maxValueReads
        $p9.figures.secondSourceListingPages | Should -Be ([math]::Ceiling($p9.figures.secrets / 100))
        $p9.figures.secondDestinationListingPages | Should -Be ([math]::Ceiling($p9.figures.secrets / 100))
    }

    It 'runs P6 at 1, 8 and 32 connections' {
        $p6 = $script:rows | Where-Object id -EQ 'P6'
        foreach ($level in 'connections1', 'connections8', 'connections32') {
            $p6.figures.$level.rps | Should -BeGreaterThan 0 -Because $level
            $p6.figures.$level.p99Ms | Should -BeGreaterThan 0 -Because $level
        }
    }
}
